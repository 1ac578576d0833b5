"""The playthrough: choices, once-only and fallback, undo, saves, older stories, determinism."""

from __future__ import annotations

import copy
import json

import pytest

from game.engine import SaveError, load_story
from game.engine.runtime import Playthrough
from tests.conftest import FIXTURES

MINI = FIXTURES / "mini"


@pytest.fixture(scope="module")
def story():
    return load_story(MINI)


def texts(pt: Playthrough) -> list[str]:
    return [o.text for o in pt.choices()]


def choose(pt: Playthrough, text: str) -> None:
    pt.choose(texts(pt).index(text))


def test_start_page_interpolates_and_links(story):
    pt = Playthrough.start(story, "farmer", seed=7)
    page = pt.paragraphs()
    assert page[0].text == "Yusuf, you owe 3 sacks to the moneylender."
    assert [s.term for s in page[0].spans if s.term] == ["bai"]
    assert pt.scene.id == "field" and pt.turn == 0 and not pt.is_over


def test_once_only_choice_disappears_after_use(story):
    pt = Playthrough.start(story, "farmer", seed=1)
    choose(pt, "Ask the Jadid teacher")
    choose(pt, "Back to the field")
    assert "Ask the Jadid teacher" not in texts(pt)


def test_fallback_only_when_nothing_else(story):
    pt = Playthrough.start(story, "farmer", seed=1)
    assert "Go home" not in texts(pt)
    choose(pt, "Ask the Jadid teacher")
    choose(pt, "Back to the field")
    for _ in range(3):  # pay off the debt: selling is no longer offered
        choose(pt, "Sell the seed cotton")
        if "Return to the field" in texts(pt):
            choose(pt, "Return to the field")
    assert pt.vars["debt"] == 0
    assert texts(pt) == ["Leave for the hills"]


def test_conditional_paragraphs_follow_state(story):
    pt = Playthrough.start(story, "farmer", seed=1)
    choose(pt, "Sell the seed cotton")
    choose(pt, "Return to the field")
    shown = [p.text for p in pt.paragraphs()]
    assert "The same faces at the gate again." in shown
    assert "Coins clink in your sash (2)." in shown


def test_reaching_an_ending(story):
    pt = Playthrough.start(story, "farmer", seed=1)
    choose(pt, "Sell the seed cotton")
    choose(pt, "Leave for the hills")
    assert pt.is_over and pt.ending.id == "fled"
    assert pt.choices() == []
    assert pt.vars["fled"] is True and pt.vars["debt"] == 0
    assert pt.events_witnessed() == ["revolt_1916"]
    with pytest.raises(ValueError):
        pt.choose(0)


def test_choose_out_of_range(story):
    pt = Playthrough.start(story, "farmer", seed=1)
    with pytest.raises(ValueError):
        pt.choose(9)


def test_undo_restores_the_exact_earlier_state(story):
    pt = Playthrough.start(story, "farmer", seed=5)
    before = pt.to_json()
    choose(pt, "Sell the seed cotton")
    middle = pt.to_json()
    choose(pt, "Return to the field")
    choose(pt, "Sell the seed cotton")
    pt.undo(1)
    assert pt.to_json() == middle
    pt.undo(0)
    assert pt.to_json() == before
    with pytest.raises(ValueError):
        pt.undo(3)


def test_steps_record_the_page_and_the_choice(story):
    pt = Playthrough.start(story, "farmer", seed=5)
    choose(pt, "Sell the seed cotton")
    step = pt.steps[0]
    assert (step.scene_id, step.choice_text, step.choice_id) == (
        "field",
        "Sell the seed cotton",
        "sell",
    )
    assert step.paragraphs[0].startswith("Yusuf, you owe 3")


def test_json_round_trip_mid_run(story):
    pt = Playthrough.start(story, "farmer", seed=11)
    choose(pt, "Sell the seed cotton")
    data = json.loads(json.dumps(pt.to_json()))
    again = Playthrough.from_json(story, data)
    assert again.to_json() == pt.to_json()
    assert [o.text for o in again.choices()] == texts(pt)
    again.undo(0)
    assert again.scene.id == "field"


def test_museum_flag_is_a_readonly_builtin(story):
    pt = Playthrough.start(story, "farmer", seed=1, museum=True)
    assert pt.vars["museum"] is True and pt.museum


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d.update(save_format=99), "newer game"),
        (lambda d: d.update(story_id="other"), "another story"),
        (lambda d: d.update(perspective="refugee"), "no longer has the perspective 'refugee'"),
        (lambda d: d["state"].update(scene="gone"), "no longer has the scene 'gone'"),
        (lambda d: d["state"]["vars"].update(old_var=1), "variable(s) 'old_var'"),
        (lambda d: d["state"]["vars"].update(debt="x"), "wrong type"),
        (lambda d: d["state"].update(rng="x"), "damaged"),
        (lambda d: d["steps"][0]["undo"].update(rng=None), "not a whole number"),
        (lambda d: d.update(steps="x"), "damaged"),
        (lambda d: d["steps"][0].pop("choice_text"), "incomplete"),
        (lambda d: d.clear(), "damaged"),
    ],
)
def test_bad_saves_give_a_message_naming_what_is_wrong(story, mutate, message):
    pt = Playthrough.start(story, "farmer", seed=1)
    choose(pt, "Sell the seed cotton")
    data = copy.deepcopy(pt.to_json())
    mutate(data)
    with pytest.raises(SaveError) as caught:
        Playthrough.from_json(story, data)
    assert message in str(caught.value)


def test_save_from_an_older_story_version_loads_when_it_still_fits(story, tmp_path):
    import shutil

    pt = Playthrough.start(story, "farmer", seed=1)
    choose(pt, "Sell the seed cotton")
    saved = pt.to_json()
    newer = tmp_path / "mini"
    shutil.copytree(MINI, newer)
    (newer / "story.yaml").write_text((MINI / "story.yaml").read_text().replace('"1"', '"2"'))
    perspective = newer / "perspectives/farmer/perspective.yaml"
    perspective.write_text(perspective.read_text().replace(
        "variables:\n", "variables:\n  hope:\n    value: 1\n    description: New.\n"))  # fmt: skip
    new_story = load_story(newer)
    assert new_story.version == "2"
    again = Playthrough.from_json(new_story, saved)
    assert again.scene.id == "bazaar" and again.vars["hope"] == 1 and again.vars["debt"] == 2


def test_same_seed_same_choices_same_run(story):
    def run(seed):
        pt = Playthrough.start(story, "farmer", seed=seed)
        for _ in range(12):
            if pt.is_over:
                break
            pt.choose(len(pt.choices()) - 1)
        return pt.to_json()

    assert run(3) == run(3)


def test_peeking_at_a_choice_shows_its_page_and_changes_nothing():
    """A player lays out the next pages while the reader reads: peeking must leave the
    playthrough exactly as it was (state, steps, generator, the page and its choices)."""
    import json

    from game.engine import load_story
    from tests.conftest import STORY

    story = load_story(STORY)
    for perspective in story.perspectives:
        pt = Playthrough.start(story, perspective.id, seed=11)
        for turn in range(12):
            if pt.is_over:
                break
            before = json.dumps(pt.to_json(), sort_keys=True)
            page, options = pt.paragraphs(), pt.choices()
            peeks = [pt.peek(i) for i in range(len(options))]
            assert json.dumps(pt.to_json(), sort_keys=True) == before
            assert pt.paragraphs() == page and pt.choices() == options
            index = turn % len(options)
            pt.choose(index)
            seen = peeks[index]
            assert seen is not None and seen.scene is pt.scene
            assert seen.paragraphs == pt.paragraphs() and seen.options == pt.choices()
        assert pt.peek(99) is None
