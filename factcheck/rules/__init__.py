"""Stage 3, rules: the fact and relation model, YAML loading and validation, the relation
language, and matching claims to facts.
"""

from factcheck import lazy_exports

_EXPORTS = {**dict.fromkeys(("Fact", "MatchSpec", "Period", "Relation", "RuleSet", "Term", "Tolerance"), "model"),
            "load_rules": "loading", "load_rules_text": "loading", "match_claims": "matching"}
__getattr__ = lazy_exports(__name__, _EXPORTS)
__all__ = [*_EXPORTS]
