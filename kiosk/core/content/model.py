"""The content pack as immutable, validated data. Staff write it in YAML; see docs/staff-guide.md.

Field descriptions here are the single source for validation messages and the JSON Schema.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
)

from kiosk.core.content.placeholders import CLEAR_TIME, SAFETY, allowing

Slug = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=60),
    Field(description="lower-case letters, digits and single hyphens, e.g. lifestyle-steps"),
]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=1500)]
# Safety text may name the clinic's numbers: {emergency_number}, {crisis_line}, {clinic_phone}.
SafetyShort = Annotated[ShortText, AfterValidator(allowing(*SAFETY))]
SafetyText = Annotated[Text, AfterValidator(allowing(*SAFETY))]
SafetyLine = Annotated[  # optional: may be empty
    str, StringConstraints(strip_whitespace=True, max_length=200), AfterValidator(allowing(*SAFETY))
]


class Strict(BaseModel):
    """Unknown keys are errors, loaded content never changes, and numbers are finite
    (YAML's .inf and .nan are refused)."""

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)


class Callout(Strict):
    """A tinted box for something a patient must not miss."""

    title: ShortText = Field(description="A few words shown in bold above the text")
    text: Text


class WarningTier(Strict):
    """One level of urgency: what to do, then the signs that call for it."""

    heading: ShortText = Field(description='A few words, e.g. "Get care now"')
    action: SafetyText = Field(
        description="What to do, e.g. Call {emergency_number} or go to the emergency room if:"
    )
    signs: Annotated[list[SafetyShort], Field(min_length=1, max_length=10)]


class WarningSigns(Strict):
    """Signs that need care, most urgent first. Always shown in full, never folded away."""

    title: ShortText
    now: WarningTier = Field(description="Get care now: the emergency number")
    soon: WarningTier = Field(description="See your care team soon")
    clinic_line: SafetyLine = Field(
        default="",
        description="Shown when settings give safety.clinic_phone, e.g. Clinic: {clinic_phone}",
    )

    def texts(self) -> list[str]:
        """Every line, in reading order (numbers not yet filled in)."""
        lines = [self.title]
        for tier in (self.now, self.soon):
            lines += [tier.heading, tier.action, *tier.signs]
        return [*lines, self.clinic_line]


class Review(Strict):
    """Who last checked the page against its sources, and when; lint warns when it gets old."""

    by: ShortText = Field(description="Name and role, e.g. A. Rivera, RN, patient educator")
    date: datetime.date = Field(description="The day of the review, as YYYY-MM-DD")


class Image(Strict):
    """A picture with its description for people who cannot see it."""

    src: str = Field(description="Path inside the content folder, e.g. images/gut-lining-en.svg")
    alt: str = Field(
        default="",
        max_length=600,
        description="What the picture shows, for someone who cannot see it (lint warns if empty)",
    )
    caption: str = Field(default="", max_length=300)


class HeadingBlock(Strict):
    heading: ShortText


class ParagraphBlock(Strict):
    paragraph: Text


class BulletsBlock(Strict):
    bullets: Annotated[list[Text], Field(min_length=1, max_length=20)]


class CalloutBlock(Strict):
    callout: Callout


class ImageBlock(Strict):
    image: Image


class SourceBlock(Strict):
    source: Text


class WarningBlock(Strict):
    warning: WarningSigns


BLOCK_KINDS = ("heading", "paragraph", "bullets", "callout", "warning", "image", "source")


def _block_kind(value: Any) -> str | None:
    if isinstance(value, dict):
        kinds = [key for key in value if key in BLOCK_KINDS]
        return kinds[0] if len(kinds) == 1 else None
    for kind in BLOCK_KINDS:
        if hasattr(value, kind):
            return kind
    return None


Block = Annotated[
    Annotated[HeadingBlock, Tag("heading")]
    | Annotated[ParagraphBlock, Tag("paragraph")]
    | Annotated[BulletsBlock, Tag("bullets")]
    | Annotated[CalloutBlock, Tag("callout")]
    | Annotated[WarningBlock, Tag("warning")]
    | Annotated[ImageBlock, Tag("image")]
    | Annotated[SourceBlock, Tag("source")],
    Discriminator(
        _block_kind,
        custom_error_type="block_kind",
        custom_error_message="each block needs exactly one of: " + ", ".join(BLOCK_KINDS),
    ),
]


class Page(Strict):
    """One topic page."""

    id: Slug = Field(description="Must match the file name without .yaml")
    title: ShortText
    tile: ShortText = Field(description="One short line shown on the home screen tile")
    picture: str = Field(
        default="",
        max_length=300,
        description="An illustration for the home screen tile and the top of the page: a path "
        "inside the content folder, e.g. images/topic-diet.svg",
    )
    key_points: Annotated[
        list[ShortText],
        Field(min_length=1, max_length=6, description='Shown first on the page, under "In short"'),
    ]
    blocks: Annotated[list[Block], Field(min_length=1, max_length=80)]
    review: Review | None = Field(
        default=None, description="Who checked the page and when; shown at its foot"
    )
    offer_checklist: bool = Field(
        default=False,
        description="End with a tile to the symptom checklist (the last page always has one)",
    )

    def warnings(self) -> list[WarningSigns]:
        return [block.warning for block in self.blocks if isinstance(block, WarningBlock)]


class ChecklistItem(Strict):
    """One thing a patient may tick."""

    id: Slug = Field(description="Unique within the checklist; the same in every language")
    label: ShortText
    hint: str = Field(default="", max_length=120, description="A few plain words under the label")
    safety: SafetyLine = Field(
        default="",
        description="A line to read with this item, e.g. when it needs care now; may use "
        "{emergency_number} or {crisis_line}",
    )


class ChecklistGroup(Strict):
    """Items under one plain heading."""

    id: Slug
    heading: ShortText
    items: Annotated[list[ChecklistItem], Field(min_length=1, max_length=20)]


class SummaryText(Strict):
    """The summary repeats only what was ticked; the same message whatever was ticked."""

    title: ShortText
    intro: ShortText = Field(description="Leads into the list of ticked items")
    nothing_ticked: Text
    care_team: Text = Field(description="Bring this list to your care team; never a score")
    cannot_tell: Text = Field(description="This list cannot tell whether anyone has any condition")


class Checklist(Strict):
    """checklist.yaml: the self-reflection symptom checklist."""

    title: ShortText
    intro: Text
    picture: str = Field(
        default="",
        max_length=300,
        description="An illustration for the checklist's home screen tile and the top of the "
        "checklist: a path inside the content folder, e.g. images/checklist.svg",
    )
    privacy: Annotated[Text, AfterValidator(allowing(*CLEAR_TIME))] = Field(
        description="Nothing is saved; answers clear {clear_time} after the last touch"
    )
    not_a_test: Text
    warning: WarningSigns = Field(description="Shown on the checklist and its summary")
    groups: Annotated[list[ChecklistGroup], Field(min_length=1, max_length=12)]
    summary: SummaryText

    def items(self) -> list[ChecklistItem]:
        return [item for group in self.groups for item in group.items]


class Strings(Strict):
    """Every word the interface shows that is not part of a page, in one language."""

    language_name: ShortText = Field(description="The language's own name, e.g. Español")
    attract_title: ShortText
    attract_subtitle: ShortText
    touch_to_start: ShortText
    did_you_know: ShortText = Field(description="Heading over the facts on the welcome screen")
    home_title: ShortText
    home_subtitle: ShortText
    back: ShortText
    home: ShortText
    next_topic: ShortText = Field(description="Shown before the next page's title")
    all_topics: ShortText = Field(description="The last page's step back to the home screen")
    checklist_tile: ShortText = Field(description="The home tile's line under the checklist title")
    see_my_list: ShortText = Field(description="Button from the checklist to the summary")
    edit_answers: ShortText
    clear_answers: ShortText
    ticked: ShortText = Field(description="Said by screen readers for a ticked item")
    not_ticked: ShortText = Field(description="Said in keypad mode for an item not ticked")
    button_word: ShortText = Field(description='Said in keypad mode after a control, e.g. "button"')
    keypad_start: Text = Field(description="Said when a key starts a session: how the keys work")
    keypad_help: Text = Field(description="Said for the help key: how the keys work")
    touch_to_hear: ShortText = Field(
        description="The sheet's talking touchscreen: a first touch says, a second chooses"
    )
    touch_to_hear_start: Text = Field(description="Said when a patient turns that choice on")
    headphones_hint: Text = Field(
        description="Shown in the sheet where speech is for headphones only: how to listen"
    )
    still_there_title: ShortText
    still_there_text: Text = Field(description="Must contain {seconds}: the seconds left")
    still_there_last: Text | None = Field(
        default=None,
        description='The same with 1 second left, e.g. "... in 1 second." (else still_there_text)',
    )
    still_here: ShortText = Field(description="The one big button that keeps the session")
    text_size: ShortText = Field(description="Label before the 100% / 150% / 200% buttons")
    high_contrast: ShortText
    read_aloud: ShortText
    stop_reading: ShortText = Field(description="The read-aloud button while it is speaking")
    in_short: ShortText = Field(description="Heading over a page's key points, at its top")
    reviewed: Annotated[ShortText, AfterValidator(allowing("reviewer", "date"))] = Field(
        description="Foot of a page: {reviewer} and {date} of its last review"
    )
    clears_within_a_minute: ShortText = Field(description="Fills {clear_time} under a minute")
    clears_after_minutes: Annotated[ShortText, AfterValidator(allowing("minutes"))] = Field(
        description="Fills {clear_time}; {minutes} is 2 or more"
    )
    take_home: ShortText = Field(description="Button that shows a QR code of the page")
    take_home_hint: Text = Field(description="How to use the QR code")
    close: ShortText
    print_handout: ShortText
    printing: Text = Field(description="Shown after a handout was sent to the printer")
    printing_failed: Text = Field(description="A calm message when printing does not work")


MAX_TOPICS = 24  # three screens of tiles; more overwhelms a patient in a waiting room
# About 2,500 words, a fifteen-minute read (the bundled pages are under 3,000 characters):
# longer belongs in two topics, and keeps a page's first showing quick on modest hardware.
MAX_PAGE_CHARACTERS = 15_000


class Manifest(Strict):
    """pack.yaml: which languages exist and the order of the topics."""

    default_language: Slug
    languages: Annotated[list[Slug], Field(min_length=1)]
    # The loader checks the count, after the pages, so a long list hides no other problem.
    topics: Annotated[list[Slug], Field(min_length=1, json_schema_extra={"maxItems": MAX_TOPICS})]
    picture: str = Field(
        default="",
        max_length=300,
        description="The welcome screen's picture: a path inside the content folder, e.g. "
        "images/welcome.svg",
    )


class Language(Strict):
    """Everything a patient sees in one language."""

    code: str
    strings: Strings
    pages: tuple[Page, ...]
    checklist: Checklist
    page_roots: dict[str, Path] = Field(
        default_factory=dict, description="Folder each page's images are relative to"
    )

    def page(self, page_id: str) -> Page:
        return next(page for page in self.pages if page.id == page_id)

    def page_root(self, page_id: str, default: Path) -> Path:
        return self.page_roots.get(page_id, default)


class ContentPack(Strict):
    root: Path
    default_language: str
    languages: dict[str, Language]
    picture: Path | None = Field(default=None, description="The welcome screen's picture")
    files: tuple[Path, ...] = Field(default=(), description="Every file the pack was read from")

    def language(self, code: str | None = None) -> Language:
        return self.languages.get(code or "", self.languages[self.default_language])
