"""The invented papers of tests/fixtures/metadata/preprints.md, as the local APIs know them.

Four preprints of the list were published (DD501 finds exactly those); two were not,
and for one of those DBLP also finds a near-identical title and the same title by
other authors. Every arXiv paper is also DBLP's CoRR entry (``metaserver``).
"""

from __future__ import annotations

from metaserver import Paper, Registry, dblp_hit

FIXTURE = "metadata/preprints.md"
PUBLISHED = {  # the fixture's line -> the venue cell a fix writes
    9: "KDD, 2023",
    11: "ICLR, 2024",
    13: "NeurIPS, 2023",
    14: "ECCV, 2024",
}

PAPERS = (
    Paper("Lattice Sketches for Streaming Graph Summaries", ("Ada Quill", "Boris Fenwick"),
          "2023-03-07", "2303.00011", "10.1145/3580305.3599001", "KDD", 2023),
    Paper("Harbor: Calm Training of Noisy Vision Transformers", ("Dana Ilves",),
          "2023-01-20", "2301.00022"),
    Paper("Quarry: Mining Sparse Rewards from Offline Logs", ("Gus Harlow", "Hal Imre"),
          "2023-04-02", "2304.00033", None, "ICLR", 2024),
    Paper("Meadow Priors for Few-Shot Segmentation", ("Ines Moro", "Ivo Lind"),
          "2023-05-09", "2305.00044"),
    Paper("Ember: Low-Precision Attention without Tears", ("Jon Kestrel", "Kim Arno"),
          "2023-06-11", "2306.00055", None, "NeurIPS", 2023),
    Paper("Tidal Memory for Long Video Transformers", ("Lea Tamm", "Lars Odd"),
          "2023-01-15", "2301.00077", None, "ECCV", 2024),
    Paper("Cobalt Graphs for Molecule Design", ("Mia Corve", "Max Ruud"),
          "2022-02-03", "2202.00066", None, "ICML", 2022),
    Paper("Fennel: Frugal Pretraining for Tabular Data", ("Noor Vale", "Nils Ek"),
          "2022-03-04", "2203.00088", None, "NeurIPS", 2022),
    Paper("Gossamer Nets for Point Clouds", ("Olaf Brink", "Ola Ness"),
          "2022-04-05", "2204.00099", None, "CVPR", 2022),
    Paper("Heron: Sample-Efficient Robot Grasping", ("Pia Sund", "Per Holm"),
          "2022-05-06", "2205.00111", None, "CoRL", 2022),
    Paper("Iris Codes for Speech Tokenizers", ("Rui Alto", "Rut Mar"),
          "2022-06-07", "2206.00122", None, "ICASSP", 2022),
)  # fmt: skip

# DBLP's look-alikes of the unpublished Harbor: one word apart, and the same title by others.
LOOKALIKES = (
    dblp_hit("Harbor: Calm Training of Noisy Vision Transformer", ("Jo Park",), "CVPR", 2023),
    dblp_hit("Harbor: Calm Training of Noisy Vision Transformers", ("Kai Berg",), "ICCV", 2023),
    dblp_hit("Meadow Priors for Few-Shot Segmentation Revisited", ("Ines Moro",), "WACV", 2024),
)


def know_the_fixture(registry: Registry) -> None:
    registry.add(*PAPERS)
    registry.dblp_extra.extend(LOOKALIKES)
