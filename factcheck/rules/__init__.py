"""Stage 3, rules: the fact and relation model, YAML loading and validation, the relation
language, and matching claims to facts.
"""
from factcheck.rules.loading import load_rules, load_rules_text
from factcheck.rules.matching import match_claims
from factcheck.rules.model import Fact, MatchSpec, Period, Relation, RuleSet, Term, Tolerance

__all__ = ["Fact", "MatchSpec", "Period", "Relation", "RuleSet", "Term", "Tolerance", "load_rules",
           "load_rules_text", "match_claims"]
