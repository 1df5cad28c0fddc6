"""Rules about ddlint itself (suppression comments)."""
