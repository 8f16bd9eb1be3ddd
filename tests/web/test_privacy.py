"""Download my data, and delete everything: nothing of the user is left in any table."""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

import pytest
from click.testing import CliRunner
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.urls import reverse

from amends.services.access import repair_access
from amends.services.errors import InvalidInput
from amends.services.partners import create_invitation, set_answer_shared, set_draft_shared
from amends.services.privacy import delete_account, export_data, set_app_lock
from amends.services.repairs import save_answer, save_apology_draft, set_step_done
from amends.services.tokens import create_api_token
from amends.web.repairs.models import JourneyAnswer, Membership, Repair

ALICE_SECRET = "zebra-quartz-7731 what I never told anyone"
ALICE_SHARED = "I missed your birthday dinner: the-alice-shared-words"
BOB_PRIVATE = "bob-private-otter-5150"
BOB_SHARED = "bob-shared-question-heron-2024: why did you not call?"


@pytest.fixture
def couple(alice: User, bob: User, alice_repair: Any, joined_bob: Any) -> dict[str, Any]:
    alice_access, bob_access = repair_access(alice, alice_repair.pk), repair_access(bob, alice_repair.pk)
    save_answer(alice_access, "look-inward", "what-set-me-up", ALICE_SECRET)
    save_answer(alice_access, "name-it", "what-i-did", ALICE_SHARED)
    set_answer_shared(alice_access, "name-it", "what-i-did", True)
    set_step_done(alice_access, "name-it")
    draft = save_apology_draft(alice_access, f"I am sorry. {ALICE_SECRET}")
    set_draft_shared(alice_access, draft.pk, True)
    save_answer(bob_access, "my-pace", "doubts", BOB_PRIVATE)
    save_answer(bob_access, "my-questions", "questions", BOB_SHARED)
    set_answer_shared(bob_access, "my-questions", "questions", True)
    create_api_token(alice, "laptop")
    set_app_lock(alice, "4821", 5)
    return {"alice": alice_access, "bob": bob_access}


def _zip(response: Any) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content) if response.streaming else response.content))


def test_download_my_data_gives_a_zip_with_json_and_a_readable_copy(couple: Any, as_alice: Client) -> None:
    response = as_alice.get(reverse("export_download"))
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    archive = _zip(response)
    assert set(archive.namelist()) == {"amends-data.json", "amends-data.html"}
    data = json.loads(archive.read("amends-data.json"))
    repair = data["repairs"][0]
    assert {a["text"] for s in repair["journey"] for a in s["answers"]} == {ALICE_SECRET, ALICE_SHARED}
    assert [a["text"] for s in repair["shared_with_you"]["journey"] for a in s["answers"]] == [BOB_SHARED]
    html = archive.read("amends-data.html").decode()
    assert "zebra-quartz-7731" in html and "heron-2024" in html


def test_the_export_never_holds_the_partners_private_items_or_any_secret(couple: Any, alice: User) -> None:
    text = json.dumps(export_data(alice))
    assert BOB_PRIVATE not in text
    assert "token_hash" not in text and "pin_hash" not in text and "code_hash" not in text


def test_the_partners_export_holds_only_what_alice_shared(couple: Any, bob: User) -> None:
    text = json.dumps(export_data(bob))
    assert ALICE_SHARED in text and "zebra-quartz" in text  # the delivered apology carries it
    shared = export_data(bob)["repairs"][0]["shared_with_you"]["journey"]
    assert ALICE_SECRET not in {a["text"] for s in shared for a in s["answers"]}
    assert "what-set-me-up" not in text


def test_the_cli_exports_one_users_data_to_a_private_file(couple: Any, tmp_path: Any) -> None:
    from amends.cli import cli

    out = tmp_path / "alice.zip"
    result = CliRunner().invoke(cli, ["export", "--user", "alice", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert (out.stat().st_mode & 0o777) == 0o600
    assert ALICE_SECRET in zipfile.ZipFile(out).read("amends-data.json").decode()


def test_the_cli_asks_which_user_when_there_are_several(couple: Any, tmp_path: Any) -> None:
    from amends.cli import cli

    result = CliRunner().invoke(cli, ["export", "--out", str(tmp_path / "x.zip")])
    assert result.exit_code == 1 and "--user" in result.output
    result = CliRunner().invoke(cli, ["export", "--user", "nobody", "--out", str(tmp_path / "x.zip")])
    assert result.exit_code == 1 and "No account" in result.output


def test_delete_everything_needs_the_confirmation_word(couple: Any, as_alice: Client, alice: User) -> None:
    response = as_alice.post(reverse("delete_account"), {"confirm": "delete"})
    assert response.status_code == 400 and b"Type DELETE" in response.content
    assert User.objects.filter(pk=alice.pk).exists()
    with pytest.raises(InvalidInput):
        delete_account(alice, "yes")


def _rows_mentioning(user_id: int, texts: list[str]) -> list[str]:
    """Scan every table: FK columns to the user table holding the id, and any column holding the texts."""
    found = []
    user_table = User._meta.db_table
    q = connection.ops.quote_name
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            columns = [c.name for c in connection.introspection.get_table_description(cursor, table)]
            relations = connection.introspection.get_relations(cursor, table)
            for column in columns:
                if relations.get(column, (None, None))[1] == user_table or (table == user_table and column == "id"):
                    cursor.execute(f"SELECT COUNT(*) FROM {q(table)} WHERE {q(column)} = %s", [user_id])
                    if cursor.fetchone()[0]:
                        found.append(f"{table}.{column} = {user_id}")
                for text in texts:
                    cursor.execute(
                        f"SELECT COUNT(*) FROM {q(table)} WHERE CAST({q(column)} AS TEXT) LIKE %s", [f"%{text}%"]
                    )
                    if cursor.fetchone()[0]:
                        found.append(f"{table}.{column} holds {text!r}")
    return found


def test_delete_everything_leaves_nothing_of_the_user_in_any_table(
    couple: Any, as_alice: Client, alice: User, alice_repair: Any
) -> None:
    uid = alice.pk
    traces = ["alice", "zebra-quartz-7731", "the-alice-shared-words", "The missed dinner", "stayed at work without"]
    assert _rows_mentioning(uid, traces), "the scan must see alice before she deletes"
    response = as_alice.post(reverse("delete_account"), {"confirm": "DELETE"})
    assert response.status_code == 302
    assert _rows_mentioning(uid, traces) == []


def test_delete_everything_does_not_touch_the_partners_items(
    couple: Any, as_alice: Client, as_bob: Client, bob: User, alice_repair: Any
) -> None:
    as_alice.post(reverse("delete_account"), {"confirm": "DELETE"})
    assert {a.text for a in JourneyAnswer.objects.filter(author=bob)} == {BOB_PRIVATE, BOB_SHARED}
    assert Membership.objects.get(user=bob).role == "hurt"
    assert as_bob.get(reverse("repair", args=[alice_repair.pk])).status_code == 200
    assert b"zebra-quartz" not in as_bob.get(reverse("shared_view", args=[alice_repair.pk])).content


def test_deleting_ends_the_users_sessions(couple: Any, as_alice: Client, alice: User) -> None:
    from tests.web.conftest import client_for

    other_device = client_for(alice)
    as_alice.post(reverse("delete_account"), {"confirm": "DELETE"})
    assert other_device.get(reverse("privacy")).status_code == 302


def test_a_solo_repair_is_removed_with_its_owner(alice: User, alice_repair: Any) -> None:
    delete_account(alice, "DELETE")
    assert not Repair.objects.exists()


def test_a_leavers_items_survive_the_other_deleting_the_repair(
    couple: Any, alice: User, bob: User, alice_repair: Any
) -> None:
    from amends.services.partners import leave_repair

    leave_repair(couple["bob"])
    delete_account(alice, "DELETE")
    assert set(JourneyAnswer.objects.filter(author=bob).values_list("text", flat=True)) == {BOB_PRIVATE, BOB_SHARED}


def test_bob_deleting_leaves_alice_and_her_pending_work_alone(
    couple: Any, as_bob: Client, alice: User, alice_repair: Any
) -> None:
    as_bob.post(reverse("delete_account"), {"confirm": "DELETE"})
    assert Repair.objects.get(pk=alice_repair.pk).title == "The missed dinner"
    assert JourneyAnswer.objects.filter(author=alice).count() == 2
    assert create_invitation(repair_access(alice, alice_repair.pk)).code  # her seat for a partner is free again
