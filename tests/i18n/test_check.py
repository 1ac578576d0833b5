"""`check` and `i18n stats`: coverage per language and catalogue, review counts, and an error
(with the .po file and line) for a translation that breaks its source's markup."""

from __future__ import annotations

import argparse
import io

from game.authoring import check, i18n_cli
from game.authoring.catalogs import story_domain, ui_domain, write_catalog
from game.authoring.i18n_check import coverage, markup, translation_problems
from game.authoring.review import is_reviewed, mark_reviewed, mark_unreviewed
from game.cli import main
from game.po import read_catalog
from tests.i18n.conftest import PREFIX
from tests.i18n.test_workflow import edit_source, update


def rows(root, language="ru"):
    return {r.domain: r for r in coverage(root) if r.language == language}


def set_translation(root, context, text, domain="farmer"):
    path = story_domain(root, domain).catalog("ru")
    catalog = read_catalog(path)
    message = next(m for m in catalog if m.context == context)
    message.string = text
    write_catalog(catalog, path)
    return read_catalog(path).get(message.id, context=context).lineno


def test_markup_is_compared_as_sets_of_values_and_term_ids():
    none = frozenset()
    assert markup("{name}, you owe { debt } to the [[bai|moneylender]].") == (
        frozenset({"name", "debt"}), frozenset({"bai"}), none)  # fmt: skip
    assert markup("Write {{ and }} for braces; [[jadid]].") == (none, frozenset({"jadid"}), none)
    assert markup("A lone { brace and [[jadid") == (none, none, frozenset({"{", "[["}))


def test_a_lone_brace_in_a_translation_is_an_error(mini_ru):
    set_translation(mini_ru, "scene:teacher:text:1", PREFIX + "Он говорит о школах {")
    problems = [p for p in translation_problems(mini_ru) if "mini" in p.file]
    assert len(problems) == 1 and "a lone {" in problems[0].hint


def test_a_fully_translated_story_covers_100_percent(mini_ru):
    farmer = rows(mini_ru)["farmer"]
    assert farmer.percent == 100.0 and farmer.total > 10
    assert (farmer.fuzzy, farmer.untranslated, farmer.obsolete, farmer.reviewed) == (0, 0, 0, 0)


def test_edits_show_up_as_fuzzy_untranslated_and_obsolete(mini_ru):
    edit_source(mini_ru)
    stale = rows(mini_ru)["farmer"]  # before `update`, counted against the source itself
    # 2 edited, 1 new and 2 moved paragraphs; their 4 old keys and 1 removed one are stale
    assert stale.untranslated == 5 and stale.obsolete == 5
    update(mini_ru)
    farmer, history = rows(mini_ru)["farmer"], rows(mini_ru)["history"]
    assert (farmer.fuzzy, farmer.untranslated, farmer.obsolete) == (2, 1, 1)
    assert (history.fuzzy, history.untranslated) == (1, 0)


def test_a_translation_that_breaks_markup_is_an_error_at_its_po_line(mini_ru):
    line = set_translation(mini_ru, "scene:field:text:1", PREFIX + "you owe sacks to the [[bia]].")
    problems = [
        p for p in translation_problems(mini_ru) if "locales" in p.file and "mini" in p.file
    ]
    assert len(problems) == 1
    problem = problems[0]
    assert (problem.code, problem.severity, problem.line) == ("E701", "error", line)
    assert problem.file.endswith("locales/ru/farmer.po")
    assert "missing {…}: debt, name" in problem.hint and "unknown [[…]]: bia" in problem.hint
    assert "missing [[…]]: bai" in problem.hint


def test_check_fails_on_broken_markup_and_prints_the_coverage(mini_ru):
    out = io.StringIO()
    args = argparse.Namespace(story=mini_ru, format="text", strict=False)
    assert check.run(args, out) == 0
    assert "Translation coverage:" not in out.getvalue()  # the table only when asked
    assert out.getvalue().splitlines()[-1].endswith("0 error(s), 1 warning(s).")
    out = io.StringIO()
    check.run(argparse.Namespace(story=mini_ru, format="text", strict=False, languages=True), out)
    assert "Translation coverage:" in out.getvalue() and "farmer" in out.getvalue()
    assert out.getvalue().splitlines()[-1].endswith("1 warning(s).")  # ends with the summary
    set_translation(mini_ru, "scene:field:choice:sell", "{nonsense}")
    out = io.StringIO()
    assert check.run(args, out) == 1
    assert "E701" in out.getvalue()


def test_review_marks_count_only_what_a_person_reviewed(mini_ru):
    path = story_domain(mini_ru, "farmer").catalog("ru")
    catalog = read_catalog(path)
    total = sum(1 for m in catalog if m.id)
    assert mark_unreviewed(catalog) == total
    assert mark_unreviewed(catalog) == 0  # once marked, never marked again
    first = next(m for m in catalog if m.id)
    assert first.user_comments == ["unreviewed: machine draft"] and not is_reviewed(first)
    assert mark_reviewed(catalog, "A. Reviewer") == total
    assert first.user_comments == ["reviewed: A. Reviewer"] and is_reviewed(first)
    write_catalog(catalog, path)
    assert rows(mini_ru)["farmer"].reviewed == total
    edit_source(mini_ru)
    update(mini_ru)  # an edited source undoes the review of just those strings
    farmer = read_catalog(path)
    changed = farmer.get("He speaks of new schools.", context="scene:teacher:text:1")
    assert changed.user_comments == ["unreviewed: source changed"] and changed.fuzzy
    # less the edited choice and paragraph, and the new paragraph replacing a removed one
    assert rows(mini_ru)["farmer"].reviewed == total - 3


def test_the_i18n_command_runs_the_whole_workflow(mini_ru, tmp_path, capsys):
    ui = ["--story", str(mini_ru), "--ui-locales", str(tmp_path / "ui")]
    assert main(["i18n", *ui, "extract"]) == 0
    assert (tmp_path / "ui" / "voices.pot").is_file()
    assert main(["i18n", *ui, "init", "de"]) == 0
    assert (tmp_path / "ui" / "de" / "LC_MESSAGES" / "voices.po").is_file()
    assert story_domain(mini_ru, "farmer").catalog("de").is_file()
    assert main(["i18n", *ui, "init", "not a language"]) == 1
    assert main(["i18n", *ui, "update"]) == 0
    assert main(["i18n", *ui, "mark-unreviewed", "ru"]) == 0
    capsys.readouterr()
    assert main(["i18n", *ui, "stats"]) == 0
    table = capsys.readouterr().out
    assert "reviewed" in table.splitlines()[0]
    assert any(line.split()[:2] == ["de", "voices"] for line in table.splitlines())
    assert main(["i18n", *ui, "mark-reviewed", "--domain", "farmer", "--by", "Z", "ru"]) == 0
    assert all(
        m.user_comments == ["reviewed: Z"]
        for m in read_catalog(story_domain(mini_ru, "farmer").catalog("ru"))
        if m.id
    )
    assert i18n_cli.run  # the command is a module with run(), as game/cli.py expects


def test_the_shipped_interface_is_fully_translated_with_intact_markup():
    from game.authoring.catalogs import ui_template
    from game.authoring.i18n_check import _key, count, markup_problems

    source = {_key(m) for m in ui_template() if m.id}  # a plural counts by its singular
    ui = ui_domain()
    for language in ("ru", "uz"):
        catalog = read_catalog(ui.catalog(language))
        done = count(catalog, source, language, ui.name)
        assert done.percent == 100.0, f"{language}: {done.untranslated} untranslated"
        assert not markup_problems(catalog, language)


def test_plural_forms_and_select_texts_are_the_translators_to_change():
    from game.authoring.i18n_check import markup

    english = markup(
        'You owe {debt} {plural(debt, "sack", "sacks")} to {select(name, "Aziz", "him", "them")}.'
    )
    russian = markup(
        'Вы должны {debt} {plural(debt, "мешок", "мешка", "мешков")} — {select(name, "Aziz", "ему", "им")}.'
    )
    uzbek = markup(
        'Siz {debt} {plural( debt, "qop", "qop" )} qarzdorsiz, {select(name,"Aziz","unga","ularga")}.'
    )
    assert english[0] == russian[0] == uzbek[0]
    wrong = markup('Вы должны {debt} {plural(money, "мешок", "мешка", "мешков")}.')
    assert wrong[0] != english[0]  # the count itself must stay
