"""Word lists the generator draws from, modelled on the seed paper list."""

from __future__ import annotations


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


FIRST_NAMES = _words(
    "Guang Zijia Zhiwei Noveen Dingfang Justin Yongchao Songhua Noel Yihan Andrey Jiawei Renjie "
    "Zongwei Yanlin Nicholas Ping Dmitry Wei Rui Hae-Beom Zixuan Yuanhao Nadiya Mattia George "
    "Kai Mengyang Saehyung Jang-Hyun Tian Bo Shengyuan Aminu Seong-Woong Robin Timothy Ilia "
    "Felix Yongqi Ondrej Chengeng Jack Sam Tongzhou Xiaoxiao Haoyang Yuki Priya Lucas Amelia "
    "Mohammed Sofia Jonas Hiroshi Elena Mateo Chiara Arjun Ingrid Kwame Olivia Pavel Mei"
)

LAST_NAMES = _words(
    "Li Wang Deng Sachdeva Chen Cui Zhou Liu Loo Wu Zhmoginov Du Pi Carlini Medvedev Jin Song "
    "Lee Jiang Xiong Shvai Sangermano Cazenavette Kim Dong Zhao Hu Musa Schirrmeister Nguyen "
    "Sucholutsky Wiewel Bohdal Huang Goetz Shleifer Zhang Yang Tanaka Gupta Moreau Fischer "
    "Rossi Novak Okafor Silva Johansson Petrov Haddad Kowalski Nakamura Dubois Andersen Costa"
)

TITLE_LEADS = (
    "Dataset Distillation",
    "Dataset Condensation",
    "Data Distillation",
    "Graph Condensation",
    "Efficient Dataset Distillation",
    "Scalable Dataset Condensation",
    "Federated Learning",
    "Continual Learning",
    "Synthetic Data Generation",
    "Soft-Label Dataset Distillation",
    "Privacy-Preserving Dataset Distillation",
    "Coreset Selection",
)
TITLE_JOINS = ("via", "with", "using", "by", "through", "based on", "for", "under")
TITLE_METHODS = (
    "Gradient Matching",
    "Trajectory Matching",
    "Distribution Matching",
    "Neural Feature Regression",
    "Kernel Ridge Regression",
    "Random Feature Approximation",
    "Implicit Differentiation",
    "Factorized Latent Codes",
    "Contrastive Signals",
    "Addressable Memories",
    "Generative Priors",
    "Parameter Pruning",
    "Bi-level Optimization",
    "Infinitely Wide Convolutional Networks",
    "Differentiable Siamese Augmentation",
    "Meta-Learning",
    "Evolution Strategies",
    "Receptive Field Distribution Matching",
    "Potential Energy Minimization",
    "Sharpness-Aware Minimization",
    "Diffusion Models",
    "Frequency Domain Parameterization",
)
TITLE_TAILS = (
    "for Medical Data Sharing",
    "on Large-Scale Image Benchmarks",
    "in Resource-Constrained Edge Environments",
    "with Constant Memory",
    "for Graph Neural Networks",
    "Beyond ImageNet-1K",
    "at Scale",
    "for Recommender Systems",
    "under Label Noise",
    "for Communication-Efficient Federated Learning",
    "Without Retraining",
    "for Robust Image Classification",
    "in Online Continual Learning",
)
ACRONYM_LETTERS = "ABCDEFGHIJKLMNOPRSTUVWXYZ"

TYPES = (
    "Gradient Matching",
    "Trajectory Matching",
    "Distribution Matching",
    "Kernel Ridge Regression",
    "Neural Tangent Kernel",
    "Label Distillation",
    "Soft-Label Distillation",
    "Feature Alignment",
    "Bi-level Optimization",
    "Local DD",
    "Generative Adversarial Networks",
    "Parameter Pruning",
    "Contrastive Learning",
    "Accumulated Trajectory Matching",
    "Evolution Strategy",
    "Survey",
    "Benchmark",
    "Tri-level Optimization",
)

TASKS = (
    ("Image Classification", 40),
    ("Application: FL", 10),
    ("Graph Classification", 6),
    ("Application: Medical Data Sharing", 5),
    ("Application: Continual Learning", 6),
    ("Text Classification", 4),
    ("Application: Privacy", 5),
    ("Application: Recommender System", 4),
    ("Robust Image Classification", 3),
    ("Application: Few-Shot Learning", 3),
    ("Application: Neural Architecture Search", 3),
    ("Tabular Classification", 2),
    ("Image/Text Classification", 2),
    ("Application: Understanding NN", 2),
    ("Application: Private Data Generation", 2),
    ("Application: Proxy Dataset Generation", 1),
)

DATASETS = (
    "MNIST",
    "FashionMNIST",
    "Fashion-MNIST",
    "SVHN",
    "CIFAR-10",
    "CIFAR-100",
    "CIFAR10/100",
    "CIFAR-10/100",
    "TinyImageNet",
    "ImageNet-1K",
    "ImageNette",
    "ImageWoof",
    "CUB-200",
    "miniImageNet",
    "USPS",
    "Cora",
    "Citeseer",
    "PubMed",
    "Ogbn-arxiv",
    "Reddit",
    "Flickr",
    "IMDB",
    "SST-2",
    "AG News",
    "Amazon Magazine",
    "ML-1M",
    "Douban",
    "Netflix",
    "COVID-19 Chest X-ray",
    "Gastric X-ray",
    "FEMNIST",
    "CINIC10",
    "Speech Commands",
    "SplitMNIST",
    "SplitCIFAR10",
)

# name -> (month or None for "any month", kind); kinds follow DESIGN.md's venue kinds.
CONFERENCES = {
    "NeurIPS": (12, "conference"),
    "ICML": (7, "conference"),
    "ICLR": (5, "conference"),
    "CVPR": (6, "conference"),
    "ICCV": (10, "conference"),
    "ECCV": (10, "conference"),
    "AAAI": (2, "conference"),
    "KDD": (8, "conference"),
    "IJCNN": (7, "conference"),
    "ICIP": (10, "conference"),
    "ACCV": (12, "conference"),
    "GECCO": (7, "conference"),
    "CVPRW": (6, "workshop"),
    "ACCV Workshop": (12, "workshop"),
    "NeurIPS workshop": (12, "workshop"),
}
JOURNALS = (
    "IEEE TCC",
    "IEEE TPAMI",
    "TMLR",
    "JCSE",
    "CCIS",
    "LNISA",
    "Computer Methods and Programs in Biomedicine",
    "Neural Networks",
)
MONTHS = _words("Jan. Feb. Mar. Apr. May Jun. Jul. Aug. Sept. Oct. Nov. Dec.")

SUPP_LABELS = ("Poster", "Slide", "Video", "Project")
