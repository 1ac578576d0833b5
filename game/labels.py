"""Story values as the interface words them, in its language: dates, content warnings, kinds."""

from __future__ import annotations

from game.i18n import N_, _, ngettext, pgettext

# A month standing alone with its year: "July 1916".
MONTHS = (N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"),
          N_("July"), N_("August"), N_("September"), N_("October"), N_("November"),
          N_("December"))  # fmt: skip

WARNINGS = {
    "violence": N_("violence"),
    "death": N_("death"),
    "famine": N_("famine"),
    "war": N_("war"),
    "loss": N_("loss"),
    "displacement": N_("displacement"),
    "execution": N_("execution"),
}

PERSON_KINDS = {
    "documented": N_("documented: a real person of the time"),
    "composite": N_("composite: drawn from several real people"),
    "fictional": N_("fictional"),
}


def _month_in_date(month: int) -> str:
    """A month inside a full date ('13 July 1916'): some languages change its form there."""
    names = (pgettext("day month", "January"), pgettext("day month", "February"),
             pgettext("day month", "March"), pgettext("day month", "April"),
             pgettext("day month", "May"), pgettext("day month", "June"),
             pgettext("day month", "July"), pgettext("day month", "August"),
             pgettext("day month", "September"), pgettext("day month", "October"),
             pgettext("day month", "November"), pgettext("day month", "December"))  # fmt: skip
    return names[month - 1]


def format_date(date: str | None) -> str:
    """A partial ISO date as a reader sees it: '1918-02' → 'February 1918', 'февраль 1918 г.'."""
    if not date:
        return ""
    parts = date.split("-")
    if len(parts) == 1:
        return parts[0]
    month = int(parts[1])
    if len(parts) == 2:
        return _("{month} {year}").format(month=_(MONTHS[month - 1]), year=parts[0])
    return _("{day} {month} {year}").format(
        day=int(parts[2]), month=_month_in_date(month), year=parts[0]
    )


def when_text(event) -> str:
    """An event's date in words: the story's own `when`, else its date or range, formatted."""
    if event.when:
        return event.when
    if event.until and event.until != event.date:
        return _("{start} – {end}").format(
            start=format_date(event.date), end=format_date(event.until)
        )
    return format_date(event.date)


def warning_label(tag: str) -> str:
    """A content-warning tag in the interface language; an unknown tag as written."""
    return _(WARNINGS[tag]) if tag in WARNINGS else tag


def warnings_text(tags: tuple[str, ...] | list[str]) -> str:
    """'Content: violence, famine' in the interface language."""
    return _("Content: {tags}").format(tags=", ".join(warning_label(t) for t in tags))


def people_group(kind: str, count: int) -> str:
    """'{names} — documented' for `count` people of one kind (the number agrees in languages
    where it must: «… — вымышленные персонажи»)."""
    if kind == "documented":
        return ngettext("{names} — documented", "{names} — documented", count)
    if kind == "composite":
        return ngettext("{names} — composite", "{names} — composite", count)
    if kind == "fictional":
        return ngettext("{names} — fictional", "{names} — fictional", count)
    return "{names} — " + kind


def scene_warning_text(tags: tuple[str, ...] | list[str]) -> str:
    """'This scene tells of violence and death.' in the interface language."""
    return _("This scene tells of: {tags}.").format(tags=", ".join(warning_label(t) for t in tags))


def kind_label(kind: str) -> str:
    """Whether a person is documented, composite or fictional, said plainly."""
    return _(PERSON_KINDS[kind]) if kind in PERSON_KINDS else kind


def also_lived_text(perspective: str, scene: str) -> tuple[str, str, str]:
    """'The Khivan Refugee, in ', 'Scene title', '' — split so the scene's title can be set in
    italics wherever the translation puts it."""
    template = _("{perspective}, in {scene}")
    before, _mark, after = template.partition("{scene}")
    return before.format(perspective=perspective), scene, after.format(perspective=perspective)
