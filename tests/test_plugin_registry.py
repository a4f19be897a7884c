from __future__ import annotations

import pytest

from summarize.registry import Registry


def test_lazy_path_and_callable_and_unknown_name():
    reg: Registry[object] = Registry("thing", {"od": "collections:OrderedDict"})
    reg.register("lst", list)
    assert reg.names() == ["lst", "od"] and "od" in reg and "x" not in reg
    assert type(reg.create("od")).__name__ == "OrderedDict"
    assert reg.create("lst") == []
    with pytest.raises(ValueError, match="unknown thing 'x'; choose one of: lst, od"):
        reg.create("x")


def test_copy_is_independent():
    reg: Registry[object] = Registry("thing", {"a": list})
    other = reg.copy()
    other.register("b", dict)
    assert reg.names() == ["a"] and other.names() == ["a", "b"]


def test_registrations_in_one_test_do_not_reach_the_next_part_one():
    from summarize.claims.match import available_matchers, register_matcher
    from summarize.rankers import available_rankers, register_ranker

    register_ranker("leaky-ranker", "summarize.rankers.lead:LeadRanker")
    register_matcher("leaky-matcher", "summarize.claims.match:HybridMatcher")
    assert "leaky-ranker" in available_rankers() and "leaky-matcher" in available_matchers()


def test_registrations_in_one_test_do_not_reach_the_next_part_two():
    from summarize.claims.match import available_matchers
    from summarize.rankers import available_rankers

    assert "leaky-ranker" not in available_rankers() and "leaky-matcher" not in available_matchers()
