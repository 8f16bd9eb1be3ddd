"""The content folders are the registries: every file is registered, and every id has its file."""

from __future__ import annotations

from importlib import resources

import pytest
import yaml

from amends import measures
from amends.journey.playbooks import MISTAKES, load_playbook, mistake_kinds
from amends.measures.instruments import ALIASES, canonical


def _files(folder: str) -> dict[str, dict[str, object]]:
    root = resources.files(folder)
    return {
        f.name.removesuffix(".yaml"): yaml.safe_load(f.read_text(encoding="utf-8"))
        for f in root.iterdir()
        if f.name.endswith(".yaml")
    }


INSTRUMENT_FILES = _files("amends.content.instruments")
PLAYBOOK_FILES = _files("amends.content.playbooks")


def test_every_instrument_file_is_registered_and_every_id_has_a_file() -> None:
    assert set(measures.INSTRUMENTS) == set(INSTRUMENT_FILES)
    for name, raw in INSTRUMENT_FILES.items():
        assert raw["id"] == name, f"{name}.yaml says its id is {raw['id']!r}"


@pytest.mark.parametrize("name", sorted(INSTRUMENT_FILES))
def test_each_instrument_states_where_and_to_whom_it_is_offered(name: str) -> None:
    raw = INSTRUMENT_FILES[name]
    assert raw["use"] in {"screen", "check_in"}
    assert raw["audience"] in {"both", "hurt", "offender"}
    assert isinstance(raw["label"], str) and raw["label"].strip()
    assert isinstance(raw["order"], int)


def test_instrument_orders_are_unique_so_the_display_order_is_stated_once() -> None:
    orders = [raw["order"] for raw in INSTRUMENT_FILES.values()]
    assert len(orders) == len(set(orders))


def test_screens_and_check_ins_split_the_instruments_without_overlap() -> None:
    assert set(measures.screens()) | set(measures.check_ins()) == set(measures.INSTRUMENTS)
    assert not set(measures.screens()) & set(measures.check_ins())
    assert "hark" in measures.screens() and "csi4" in measures.check_ins()


def test_the_hurt_partner_is_offered_the_forgiveness_check_in_and_the_offender_is_not() -> None:
    assert "forgiveness_checkin" in measures.offered_to("hurt")
    assert "forgiveness_checkin" not in measures.offered_to("offender")
    assert "csi4" in measures.offered_to("offender")


def test_aliases_come_from_the_files() -> None:
    assert canonical("PHQ-9") == "phq9" and canonical("CSI-4") == "csi4"
    assert set(ALIASES.values()) <= set(measures.INSTRUMENTS)


def test_the_csi4_cut_off_is_the_boundary_of_its_own_bands() -> None:
    bands = INSTRUMENT_FILES["csi4"]["scoring"]["bands"]  # type: ignore[index]
    assert measures.cutoff("csi4") == 13.5
    assert measures.cutoff("csi4") in {b["min"] for b in bands}
    assert measures.score("csi4", {"1": 2, "2": 2, "3": 2, "4": 2}).band == "notable_dissatisfaction"


def test_every_kind_of_mistake_has_its_playbook_and_every_playbook_is_a_kind() -> None:
    assert set(MISTAKES) == set(PLAYBOOK_FILES)
    assert [k for k, _ in mistake_kinds()] == list(MISTAKES)
    for kind in MISTAKES:
        assert load_playbook(kind).kind == kind
        assert PLAYBOOK_FILES[kind]["kind"] == kind
