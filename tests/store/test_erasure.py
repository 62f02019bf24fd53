"""Erasing one person everywhere (UU PDP) blanks every record about them, history included."""

from __future__ import annotations

from petugaspembina.documents.office import save_office_profile
from petugaspembina.documents.register import issue_for_session
from petugaspembina.store.erasure import erase_person
from petugaspembina.store.referrals import create_referral
from petugaspembina.store.signin import PersonEntry, sign_in
from petugaspembina.store.store import Store


def test_erase_person_everywhere(store: Store) -> None:
    session = store.write("sessions", {"title": "S", "date": "2026-11-22"})
    done = sign_in(
        store, session, entry=PersonEntry(full_name="Siti Rahasia", sex="P", nik="3201015302900001")
    )
    duplicate = store.write("people", {"full_name": "Siti R.", "merged_into": done.person_id})
    create_referral(
        store,
        done.person_id,
        {"risk_type": "korban_tppo", "narrative": "Cerita yang sangat pribadi"},
    )
    save_office_profile(  # a complete profile: the certificate is registered, not a draft
        store,
        {
            "letterhead": ["KANTOR IMIGRASI KELAS I TPI BENGKULU"],
            "address": "Jl. Raya No. 2",
            "city": "Bengkulu",
            "signatory_position": "Kepala Kantor",
            "signatory_name": "Budi Santoso",
            "signatory_nip": "197503152000031002",
        },
    )
    issue_for_session(store, session)
    keeper = store.write("people", {"full_name": "Orang Lain"})
    count = erase_person(store, done.person_id)
    assert count == 2 + 1 + 1 + 1 + 1 + 1  # 2 people, sign-in, referral, event, cert, cert event
    text = repr(store.rows("SELECT value FROM fv"))
    assert "Rahasia" not in text and "pribadi" not in text and "3201015302900001" not in text
    assert store.rows("SELECT full_name FROM people WHERE deleted = 0") == [
        {"full_name": "Orang Lain"}
    ]
    assert {duplicate, keeper} & {
        r["id"] for r in store.rows("SELECT id FROM people WHERE deleted = 0")
    } == {keeper}
