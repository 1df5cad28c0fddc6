"""Running rules over a document: the linter, suppression comments, configuration,
baselines, ``--diff-base``, and link results as findings.
"""
