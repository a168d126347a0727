# Generated from specs/dao/spec.yaml by `kata generate`; do not edit.
# spec-sha256: f73ec9289416d37a59c38fccaa0d62d61acd41e761aec0a938fe08801ef44590
"""Conformance suite for the dao kata: one test per behaviour of its spec.

Run it with `kata check dao` or `pytest generated/dao --impl PATH`.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile

import pytest
from hypothesis import strategies as st

from katakit.testing import (
    ModelMachine,
    expect_equal,
    expect_is,
    initialize,
    invariant,
    rule,
    run_model_machine,
    run_threads,
    step,
)


def temp_db_path():
    """A path for a new SQLite file in a fresh temporary folder, removed when the tests end."""
    folder = tempfile.mkdtemp(prefix="kata_dao_")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return os.path.join(folder, "users.db")


class DaoHarness:
    """Drives a DAO by creation slot instead of by id, so the model test never depends on
    which ids the database picks; `update`/`get_by_slot`/`delete` use the slot-th created user."""

    def __init__(self, dao, user_cls):
        self.dao = dao
        self.user_cls = user_cls
        self.ids = []  # the id of every successful create, in creation order
        self.deleted = set()  # ids the DAO confirmed deleting

    @staticmethod
    def _row(user):
        return None if user is None else (user.name, user.email)

    def _id(self, slot):
        return self.ids[slot % len(self.ids)] if self.ids else None

    def create(self, name, email):
        user = self.dao.create(self.user_cls(name=name, email=email))
        self.ids.append(user.id)
        return self._row(user)

    def get_by_slot(self, slot):
        user_id = self._id(slot)
        return None if user_id is None else self._row(self.dao.get_by_id(user_id))

    def get_by_email(self, email):
        return self._row(self.dao.get_by_email(email))

    def update(self, slot, name, email):
        user_id = self._id(slot)
        if user_id is None:
            return False
        if user_id in self.deleted:
            # Updating a missing id to an email in use is not specified: use a free email.
            email = "nobody@unused.example"
        return self.dao.update(self.user_cls(id=user_id, name=name, email=email))

    def delete(self, slot):
        user_id = self._id(slot)
        if user_id is None:
            return False
        removed = self.dao.delete(user_id)
        if removed:
            self.deleted.add(user_id)
        return removed

    def rows(self):
        return sorted(self._row(user) for user in self.dao.get_all())

    def ids_ascending(self):
        ids = [user.id for user in self.dao.get_all()]
        return ids == sorted(ids)


pytestmark = pytest.mark.kata(
    "dao",
    classes=["User", "UserDAO", "SQLiteUserDAO"],
    exceptions=["DuplicateEmailError"],
    functions=[],
)


@pytest.mark.behaviour("836251ff-9ccc-4a60-ac1a-b9078f1f15df", "scenario")
@pytest.mark.timeout(10.0)
def test_users_are_equal_when_every_field_is_equal(solution):
    """DAOs hand back fresh objects, so comparing a stored user with a loaded one must compare fields, not identity."""
    User = solution.User
    with step(1, 'ada = User(id=1, name="Ada", email="ada@example.com")'):
        ada = User(id=1, name="Ada", email="ada@example.com")
    with step(2, "ada == User(id=1, name='Ada', email='ada@example.com')"):
        expect_is(ada == User(id=1, name="Ada", email="ada@example.com"), True)
    with step(3, "ada == User(1, 'Ada', 'ada@example.com')"):
        expect_is(ada == User(1, "Ada", "ada@example.com"), True)
    with step(4, "ada == User(id=2, name='Ada', email='ada@example.com')"):
        expect_is(ada == User(id=2, name="Ada", email="ada@example.com"), False)
    with step(5, "ada == User(id=1, name='Adam', email='ada@example.com')"):
        expect_is(ada == User(id=1, name="Adam", email="ada@example.com"), False)
    with step(6, "ada == User(id=1, name='Ada', email='adam@example.com')"):
        expect_is(ada == User(id=1, name="Ada", email="adam@example.com"), False)
    with step(7, "(User().id, User().name, User().email)"):
        expect_equal((User().id, User().name, User().email), (None, None, None))


@pytest.mark.behaviour("63d42662-6864-4455-8f87-a5dd991821f9", "scenario")
@pytest.mark.timeout(10.0)
def test_memory_database_keeps_its_table_across_calls(solution):
    """ ":memory:" lives only as long as its connection; a DAO that connects per call loses the table it just created (`no such table: users`)."""
    User = solution.User
    SQLiteUserDAO = solution.SQLiteUserDAO
    with step(1, 'dao = SQLiteUserDAO(":memory:")'):
        dao = SQLiteUserDAO(":memory:")
    with step(2, 'ada = dao.create(User(name="Ada", email="ada@example.com"))'):
        ada = dao.create(User(name="Ada", email="ada@example.com"))
    with step(3, "dao.get_by_id(ada.id)"):
        expect_equal(dao.get_by_id(ada.id), ada)
    with step(4, "dao.get_all()"):
        expect_equal(dao.get_all(), [ada])
    with step(5, "dao.close()"):
        dao.close()


@pytest.mark.behaviour("a41fa491-868e-4fd5-a044-93895e502981", "scenario")
@pytest.mark.timeout(10.0)
def test_create_returns_the_stored_user_with_its_id(solution):
    """The caller needs the id the database assigned, and the returned user must be exactly what a later read gives back."""
    User = solution.User
    SQLiteUserDAO = solution.SQLiteUserDAO
    with step(1, 'dao = SQLiteUserDAO(":memory:")'):
        dao = SQLiteUserDAO(":memory:")
    with step(2, 'ada = dao.create(User(name="Ada", email="ada@example.com"))'):
        ada = dao.create(User(name="Ada", email="ada@example.com"))
    with step(3, "isinstance(ada.id, int)"):
        expect_is(isinstance(ada.id, int), True)
    with step(4, "(ada.name, ada.email)"):
        expect_equal((ada.name, ada.email), ("Ada", "ada@example.com"))
    with step(5, "dao.get_by_id(ada.id)"):
        expect_equal(dao.get_by_id(ada.id), ada)
    with step(6, 'grace = dao.create(User(name="Grace", email="grace@example.com"))'):
        grace = dao.create(User(name="Grace", email="grace@example.com"))
    with step(7, "grace.id != ada.id"):
        expect_is(grace.id != ada.id, True)
    with step(8, "dao.get_by_id(grace.id)"):
        expect_equal(
            dao.get_by_id(grace.id), User(id=grace.id, name="Grace", email="grace@example.com")
        )


@pytest.mark.behaviour("13bfe1a2-6c04-4e89-a07a-2f4bbb6be267", "scenario")
@pytest.mark.timeout(10.0)
def test_lookups_return_none_when_no_user_matches(solution):
    """Absence is a normal answer for a lookup, not an error, and must not be confused with another user."""
    User = solution.User
    SQLiteUserDAO = solution.SQLiteUserDAO
    with step(1, 'dao = SQLiteUserDAO(":memory:")'):
        dao = SQLiteUserDAO(":memory:")
    with step(2, "dao.get_by_id(1)"):
        expect_is(dao.get_by_id(1), None)
    with step(3, "dao.get_by_email('ada@example.com')"):
        expect_is(dao.get_by_email("ada@example.com"), None)
    with step(4, 'ada = dao.create(User(name="Ada", email="ada@example.com"))'):
        ada = dao.create(User(name="Ada", email="ada@example.com"))
    with step(5, "dao.get_by_email('ada@example.com')"):
        expect_equal(dao.get_by_email("ada@example.com"), ada)
    with step(6, "dao.get_by_id(ada.id + 1000)"):
        expect_is(dao.get_by_id(ada.id + 1000), None)
    with step(7, "dao.get_by_email('nobody@example.com')"):
        expect_is(dao.get_by_email("nobody@example.com"), None)


@pytest.mark.behaviour("ebee23ac-7616-4cf7-8147-32c92a85d2f9", "scenario")
@pytest.mark.timeout(10.0)
def test_update_overwrites_the_stored_user_and_returns_true(solution):
    """An update must change what later reads see, under both the id and the new email, and report that it found the user."""
    User = solution.User
    SQLiteUserDAO = solution.SQLiteUserDAO
    with step(1, 'dao = SQLiteUserDAO(":memory:")'):
        dao = SQLiteUserDAO(":memory:")
    with step(2, 'ada = dao.create(User(name="Ada", email="ada@example.com"))'):
        ada = dao.create(User(name="Ada", email="ada@example.com"))
    with step(3, 'changed = User(id=ada.id, name="Ada Lovelace", email="lovelace@example.com")'):
        changed = User(id=ada.id, name="Ada Lovelace", email="lovelace@example.com")
    with step(4, "dao.update(changed)"):
        expect_is(dao.update(changed), True)
    with step(5, "dao.get_by_id(ada.id)"):
        expect_equal(dao.get_by_id(ada.id), changed)
    with step(6, "dao.get_by_email('lovelace@example.com')"):
        expect_equal(dao.get_by_email("lovelace@example.com"), changed)
    with step(7, "dao.get_by_email('ada@example.com')"):
        expect_is(dao.get_by_email("ada@example.com"), None)


@pytest.mark.behaviour("f06a5b3b-db47-4cc1-9f29-937369374512", "scenario")
@pytest.mark.timeout(10.0)
def test_update_of_an_unknown_id_returns_false_and_stores_nothing(solution):
    """Reporting success for a user that does not exist hides lost writes (an unknown id together with an email in use is not specified, so a free email is used)."""
    User = solution.User
    SQLiteUserDAO = solution.SQLiteUserDAO
    with step(1, 'dao = SQLiteUserDAO(":memory:")'):
        dao = SQLiteUserDAO(":memory:")
    with step(2, 'ada = dao.create(User(name="Ada", email="ada@example.com"))'):
        ada = dao.create(User(name="Ada", email="ada@example.com"))
    with step(3, "dao.update(User(id=ada.id + 1000, name='Ghost', email='ghost@example.com'))"):
        expect_is(
            dao.update(User(id=ada.id + 1000, name="Ghost", email="ghost@example.com")), False
        )
    with step(4, "dao.get_all()"):
        expect_equal(dao.get_all(), [ada])


@pytest.mark.behaviour("a6a084bb-59a4-47c2-98f0-45ac90934e1b", "scenario")
@pytest.mark.timeout(10.0)
def test_update_keeping_the_same_email_is_not_a_duplicate(solution):
    """A user's own email is not "in use by another user"; renaming someone must not trip the uniqueness rule."""
    User = solution.User
    SQLiteUserDAO = solution.SQLiteUserDAO
    with step(1, 'dao = SQLiteUserDAO(":memory:")'):
        dao = SQLiteUserDAO(":memory:")
    with step(2, 'ada = dao.create(User(name="Ada", email="ada@example.com"))'):
        ada = dao.create(User(name="Ada", email="ada@example.com"))
    with step(3, "dao.update(User(id=ada.id, name='Countess Ada', email='ada@example.com'))"):
        expect_is(dao.update(User(id=ada.id, name="Countess Ada", email="ada@example.com")), True)
    with step(4, "dao.get_by_id(ada.id)"):
        expect_equal(
            dao.get_by_id(ada.id), User(id=ada.id, name="Countess Ada", email="ada@example.com")
        )


@pytest.mark.behaviour("30c5706e-3f47-41d2-a74d-40c79cdf1faf", "scenario")
@pytest.mark.timeout(10.0)
def test_delete_removes_the_user_and_returns_true_only_once(solution):
    """Delete must remove exactly the user asked for, say whether it found one, and free the email for reuse."""
    User = solution.User
    SQLiteUserDAO = solution.SQLiteUserDAO
    with step(1, 'dao = SQLiteUserDAO(":memory:")'):
        dao = SQLiteUserDAO(":memory:")
    with step(
        2,
        'ada = dao.create(User(name="Ada", email="ada@example.com")) grace = dao.create(User(name="Grace", email="grace@example.com"))',
    ):
        ada = dao.create(User(name="Ada", email="ada@example.com"))
        grace = dao.create(User(name="Grace", email="grace@example.com"))
    with step(3, "dao.delete(ada.id)"):
        expect_is(dao.delete(ada.id), True)
    with step(4, "dao.delete(ada.id)"):
        expect_is(dao.delete(ada.id), False)
    with step(5, "dao.get_by_id(ada.id)"):
        expect_is(dao.get_by_id(ada.id), None)
    with step(6, "dao.get_by_email('ada@example.com')"):
        expect_is(dao.get_by_email("ada@example.com"), None)
    with step(7, "dao.get_all()"):
        expect_equal(dao.get_all(), [grace])
    with step(8, 'again = dao.create(User(name="Ada again", email="ada@example.com"))'):
        again = dao.create(User(name="Ada again", email="ada@example.com"))
    with step(9, "dao.get_by_email('ada@example.com')"):
        expect_equal(dao.get_by_email("ada@example.com"), again)


@pytest.mark.behaviour("03632faf-7cdb-4756-b86e-a14ad6274d82", "scenario")
@pytest.mark.timeout(10.0)
def test_create_with_an_email_in_use_raises_duplicate_email_error(solution):
    """Callers should catch a domain error (a ValueError), not the driver's sqlite3.IntegrityError, and a failed create must store nothing."""
    DuplicateEmailError = solution.DuplicateEmailError
    User = solution.User
    SQLiteUserDAO = solution.SQLiteUserDAO
    with step(1, "issubclass(DuplicateEmailError, ValueError)"):
        expect_is(issubclass(DuplicateEmailError, ValueError), True)
    with step(2, 'dao = SQLiteUserDAO(":memory:")'):
        dao = SQLiteUserDAO(":memory:")
    with step(3, 'ada = dao.create(User(name="Ada", email="ada@example.com"))'):
        ada = dao.create(User(name="Ada", email="ada@example.com"))
    with step(
        4, 'dao.create(User(name="Impostor", email="ada@example.com"))', raises=DuplicateEmailError
    ):
        dao.create(User(name="Impostor", email="ada@example.com"))
    with step(5, "dao.get_all()"):
        expect_equal(dao.get_all(), [ada])
    with step(6, 'grace = dao.create(User(name="Grace", email="grace@example.com"))'):
        grace = dao.create(User(name="Grace", email="grace@example.com"))
    with step(7, "dao.get_all()"):
        expect_equal(dao.get_all(), [ada, grace])


@pytest.mark.behaviour("31fc4ba6-94a0-47cf-8047-626429b86aec", "scenario")
@pytest.mark.timeout(10.0)
def test_update_to_another_users_email_raises_duplicate_email_error(solution):
    """Uniqueness must hold for every write, not just for inserts, and a rejected update must leave both users as they were."""
    DuplicateEmailError = solution.DuplicateEmailError
    User = solution.User
    SQLiteUserDAO = solution.SQLiteUserDAO
    with step(1, 'dao = SQLiteUserDAO(":memory:")'):
        dao = SQLiteUserDAO(":memory:")
    with step(
        2,
        'ada = dao.create(User(name="Ada", email="ada@example.com")) grace = dao.create(User(name="Grace", email="grace@example.com"))',
    ):
        ada = dao.create(User(name="Ada", email="ada@example.com"))
        grace = dao.create(User(name="Grace", email="grace@example.com"))
    with step(
        3,
        'dao.update(User(id=grace.id, name="Grace", email="ada@example.com"))',
        raises=DuplicateEmailError,
    ):
        dao.update(User(id=grace.id, name="Grace", email="ada@example.com"))
    with step(4, "dao.get_by_id(grace.id)"):
        expect_equal(dao.get_by_id(grace.id), grace)
    with step(5, "dao.get_by_email('ada@example.com')"):
        expect_equal(dao.get_by_email("ada@example.com"), ada)


@pytest.mark.behaviour("a9b09b2c-79a2-41a2-8c83-1e8cff3c7118", "scenario")
@pytest.mark.timeout(10.0)
def test_get_all_lists_users_in_id_order(solution):
    """SQL promises no row order without ORDER BY; listings must be ordered by id, not by name or by chance."""
    User = solution.User
    SQLiteUserDAO = solution.SQLiteUserDAO
    with step(1, 'dao = SQLiteUserDAO(":memory:")'):
        dao = SQLiteUserDAO(":memory:")
    with step(2, "dao.get_all()"):
        expect_equal(dao.get_all(), [])
    with step(
        3,
        'zed = dao.create(User(name="Zed", email="zed@example.com")) amy = dao.create(User(name="Amy", email="amy@example.com")) mia = dao.create(User(name="Mia", email="mia@example.com"))',
    ):
        zed = dao.create(User(name="Zed", email="zed@example.com"))
        amy = dao.create(User(name="Amy", email="amy@example.com"))
        mia = dao.create(User(name="Mia", email="mia@example.com"))
    with step(4, "dao.get_all()"):
        expect_equal(dao.get_all(), sorted([zed, amy, mia], key=lambda user: user.id))
    with step(5, 'dao.update(User(id=zed.id, name="Aaron", email="zed@example.com"))'):
        dao.update(User(id=zed.id, name="Aaron", email="zed@example.com"))
    with step(6, "[user.id for user in dao.get_all()]"):
        expect_equal([user.id for user in dao.get_all()], sorted([zed.id, amy.id, mia.id]))


@pytest.mark.behaviour("35099dab-6a47-41f7-94d9-4de4bbe2897a", "scenario")
@pytest.mark.timeout(10.0)
def test_names_and_emails_holding_quotes_or_sql_are_stored_verbatim(solution):
    """Values pasted into SQL text break on an apostrophe and let data run as SQL (injection); placeholders store any text as-is."""
    User = solution.User
    SQLiteUserDAO = solution.SQLiteUserDAO
    with step(1, 'dao = SQLiteUserDAO(":memory:")'):
        dao = SQLiteUserDAO(":memory:")
    with step(2, 'obrien = dao.create(User(name="Miles O\'Brien", email="o\'brien@example.com"))'):
        obrien = dao.create(User(name="Miles O'Brien", email="o'brien@example.com"))
    with step(3, 'dao.get_by_email("o\'brien@example.com")'):
        expect_equal(dao.get_by_email("o'brien@example.com"), obrien)
    with step(
        4,
        'bobby = dao.create(User(name="Robert\'); DROP TABLE users; --", email="bobby@example.com"))',
    ):
        bobby = dao.create(User(name="Robert'); DROP TABLE users; --", email="bobby@example.com"))
    with step(5, "dao.get_by_id(bobby.id).name"):
        expect_equal(dao.get_by_id(bobby.id).name, "Robert'); DROP TABLE users; --")
    with step(6, "dao.get_by_email(\"x' OR '1'='1\")"):
        expect_is(dao.get_by_email("x' OR '1'='1"), None)
    with step(
        7, "quoted = User(id=obrien.id, name='Say \"hi\" it\\'s me', email=\"o'brien@example.com\")"
    ):
        quoted = User(id=obrien.id, name='Say "hi" it\'s me', email="o'brien@example.com")
    with step(8, "dao.update(quoted)"):
        expect_is(dao.update(quoted), True)
    with step(9, "dao.get_by_id(obrien.id)"):
        expect_equal(dao.get_by_id(obrien.id), quoted)
    with step(10, "len(dao.get_all())"):
        expect_equal(len(dao.get_all()), 2)


@pytest.mark.behaviour("20e93ce3-93d9-4829-a0dd-121d174cfb3d", "scenario")
@pytest.mark.timeout(10.0)
def test_file_database_keeps_rows_across_instances(solution):
    """Writes must be committed; a DAO that never commits loses every row when its connection closes."""
    User = solution.User
    SQLiteUserDAO = solution.SQLiteUserDAO
    with step(1, "path = temp_db_path()"):
        path = temp_db_path()
    with step(2, "first = SQLiteUserDAO(path)"):
        first = SQLiteUserDAO(path)
    with step(
        3,
        'ada = first.create(User(name="Ada", email="ada@example.com")) grace = first.create(User(name="Grace", email="grace@example.com")) first.update(User(id=grace.id, name="Grace Hopper", email="grace@example.com"))',
    ):
        ada = first.create(User(name="Ada", email="ada@example.com"))
        grace = first.create(User(name="Grace", email="grace@example.com"))
        first.update(User(id=grace.id, name="Grace Hopper", email="grace@example.com"))
    with step(4, "first.close()"):
        first.close()
    with step(5, "second = SQLiteUserDAO(path)"):
        second = SQLiteUserDAO(path)
    with step(6, "second.get_all()"):
        expect_equal(
            second.get_all(),
            [ada, User(id=grace.id, name="Grace Hopper", email="grace@example.com")],
        )
    with step(7, "second.get_by_email('ada@example.com')"):
        expect_equal(second.get_by_email("ada@example.com"), ada)
    with step(8, "second.close()"):
        second.close()


@pytest.mark.behaviour("0195bf16-a3ce-4de9-9305-b924e8e4dce6", "scenario")
@pytest.mark.timeout(10.0)
def test_works_as_a_context_manager_that_closes_and_propagates_errors(solution):
    """`with SQLiteUserDAO(path) as dao:` must hand out a working DAO, keep its writes after the block, and never swallow the block's exception."""
    User = solution.User
    UserDAO = solution.UserDAO
    SQLiteUserDAO = solution.SQLiteUserDAO
    with step(1, "issubclass(SQLiteUserDAO, UserDAO)"):
        expect_is(issubclass(SQLiteUserDAO, UserDAO), True)
    with step(2, "path = temp_db_path()"):
        path = temp_db_path()
    with step(
        3,
        'with SQLiteUserDAO(path) as dao: ada = dao.create(User(name="Ada", email="ada@example.com")) inside = dao.get_all()',
    ):
        with SQLiteUserDAO(path) as dao:
            ada = dao.create(User(name="Ada", email="ada@example.com"))
            inside = dao.get_all()
    with step(4, "inside"):
        expect_equal(inside, [ada])
    with step(
        5,
        'with SQLiteUserDAO(path) as dao: raise KeyError("raised inside the with block")',
        raises=KeyError,
    ):
        with SQLiteUserDAO(path) as dao:
            raise KeyError("raised inside the with block")
    with step(6, "with SQLiteUserDAO(path) as dao: after = dao.get_all()"):
        with SQLiteUserDAO(path) as dao:
            after = dao.get_all()
    with step(7, "after"):
        expect_equal(after, [ada])


@pytest.mark.behaviour("e361ca7b-3540-4256-b5b9-f56e0ce37cb9", "scenario")
@pytest.mark.timeout(10.0)
def test_emails_are_matched_exactly(solution):
    """An email in use is an equal string: a case-insensitive column or lookup makes "Ada@Example.com" collide with "ada@example.com"."""
    User = solution.User
    SQLiteUserDAO = solution.SQLiteUserDAO
    with step(
        1,
        'dao = SQLiteUserDAO(":memory:") ada = dao.create(User(name="Ada", email="ada@example.com"))',
    ):
        dao = SQLiteUserDAO(":memory:")
        ada = dao.create(User(name="Ada", email="ada@example.com"))
    with step(2, "dao.get_by_email('ADA@example.com')"):
        expect_is(dao.get_by_email("ADA@example.com"), None)
    with step(3, "dao.get_by_email(' ada@example.com')"):
        expect_is(dao.get_by_email(" ada@example.com"), None)
    with step(4, 'other = dao.create(User(name="Other Ada", email="Ada@Example.com"))'):
        other = dao.create(User(name="Other Ada", email="Ada@Example.com"))
    with step(5, "dao.get_by_email('Ada@Example.com')"):
        expect_equal(dao.get_by_email("Ada@Example.com"), other)
    with step(6, "dao.get_by_email('ada@example.com')"):
        expect_equal(dao.get_by_email("ada@example.com"), ada)
    with step(7, "len(dao.get_all())"):
        expect_equal(len(dao.get_all()), 2)
    with step(8, "dao.close()"):
        dao.close()


@pytest.mark.behaviour("bea8bf9d-4fc3-4888-b247-52d63c1d8b21", "scenario")
@pytest.mark.timeout(15.0)
def test_a_write_is_visible_to_another_open_instance_at_once(solution):
    """Each write is committed when the call returns, so a second DAO open on the same file sees it at once, not only after the first one closes."""
    User = solution.User
    SQLiteUserDAO = solution.SQLiteUserDAO
    with step(
        1,
        'path = temp_db_path() first = SQLiteUserDAO(path) second = SQLiteUserDAO(path) ada = first.create(User(name="Ada", email="ada@example.com"))',
    ):
        path = temp_db_path()
        first = SQLiteUserDAO(path)
        second = SQLiteUserDAO(path)
        ada = first.create(User(name="Ada", email="ada@example.com"))
    with step(2, "second.get_by_id(ada.id)"):
        expect_equal(second.get_by_id(ada.id), ada)
    with step(3, "second.update(User(id=ada.id, name='Ada Lovelace', email='ada@example.com'))"):
        expect_is(
            second.update(User(id=ada.id, name="Ada Lovelace", email="ada@example.com")), True
        )
    with step(4, "first.get_by_email('ada@example.com')"):
        expect_equal(
            first.get_by_email("ada@example.com"),
            User(id=ada.id, name="Ada Lovelace", email="ada@example.com"),
        )
    with step(5, "first.delete(ada.id)"):
        expect_is(first.delete(ada.id), True)
    with step(6, "second.get_all()"):
        expect_equal(second.get_all(), [])
    with step(7, "first.close() second.close()"):
        first.close()
        second.close()


@pytest.mark.behaviour("4a7c5b3c-d693-4a99-8cc9-4b254292fa93", "scenario")
@pytest.mark.timeout(10.0)
def test_an_empty_email_is_a_value_not_a_missing_one(solution):
    """ "" is an email value like any other: it is stored as "", found by get_by_email("") and, being in use, refused for a second user."""
    DuplicateEmailError = solution.DuplicateEmailError
    User = solution.User
    SQLiteUserDAO = solution.SQLiteUserDAO
    with step(1, 'dao = SQLiteUserDAO(":memory:") blank = dao.create(User(name="", email=""))'):
        dao = SQLiteUserDAO(":memory:")
        blank = dao.create(User(name="", email=""))
    with step(2, "(blank.name, blank.email)"):
        expect_equal((blank.name, blank.email), ("", ""))
    with step(3, "dao.get_by_id(blank.id)"):
        expect_equal(dao.get_by_id(blank.id), blank)
    with step(4, "dao.get_by_email('')"):
        expect_equal(dao.get_by_email(""), blank)
    with step(5, 'dao.create(User(name="Also blank", email=""))', raises=DuplicateEmailError):
        dao.create(User(name="Also blank", email=""))
    with step(6, "dao.close()"):
        dao.close()


@pytest.mark.behaviour("067fd665-6bd8-4d09-a93f-ccb2915c99f5", "scenario")
@pytest.mark.timeout(10.0)
def test_each_dao_opens_its_own_database(solution):
    """Two DAOs on two paths are two databases; a connection made once and kept for every instance writes one DAO's rows into the other."""
    User = solution.User
    SQLiteUserDAO = solution.SQLiteUserDAO
    with step(
        1,
        'memory_a = SQLiteUserDAO(":memory:") memory_b = SQLiteUserDAO(":memory:") ada = memory_a.create(User(name="Ada", email="ada@example.com"))',
    ):
        memory_a = SQLiteUserDAO(":memory:")
        memory_b = SQLiteUserDAO(":memory:")
        ada = memory_a.create(User(name="Ada", email="ada@example.com"))
    with step(2, "memory_b.get_all()"):
        expect_equal(memory_b.get_all(), [])
    with step(
        3,
        'on_file = SQLiteUserDAO(temp_db_path()) grace = on_file.create(User(name="Grace", email="grace@example.com"))',
    ):
        on_file = SQLiteUserDAO(temp_db_path())
        grace = on_file.create(User(name="Grace", email="grace@example.com"))
    with step(4, "memory_a.get_all()"):
        expect_equal(memory_a.get_all(), [ada])
    with step(5, "on_file.get_all()"):
        expect_equal(on_file.get_all(), [grace])
    with step(6, "memory_a.close() memory_b.close() on_file.close()"):
        memory_a.close()
        memory_b.close()
        on_file.close()


@pytest.mark.behaviour("3137cde4-f9d6-42ae-a9da-c13a0947e791", "scenario")
@pytest.mark.timeout(10.0)
def test_update_with_unchanged_values_still_returns_true(solution):
    """update answers whether the user exists; writing the values it already has still finds it, so the answer is True every time."""
    User = solution.User
    SQLiteUserDAO = solution.SQLiteUserDAO
    with step(
        1,
        'dao = SQLiteUserDAO(":memory:") ada = dao.create(User(name="Ada", email="ada@example.com"))',
    ):
        dao = SQLiteUserDAO(":memory:")
        ada = dao.create(User(name="Ada", email="ada@example.com"))
    with step(2, "dao.update(User(id=ada.id, name='Ada', email='ada@example.com'))"):
        expect_is(dao.update(User(id=ada.id, name="Ada", email="ada@example.com")), True)
    with step(3, "dao.update(User(id=ada.id, name='Ada', email='ada@example.com'))"):
        expect_is(dao.update(User(id=ada.id, name="Ada", email="ada@example.com")), True)
    with step(4, "dao.get_all()"):
        expect_equal(dao.get_all(), [ada])
    with step(5, "dao.close()"):
        dao.close()


@pytest.mark.behaviour("af060c15-5380-486d-aba0-a403d598db07", "property")
@pytest.mark.timeout(60.0)
def test_behaves_like_a_dictionary_of_users_keyed_by_email(solution):
    """Any mix of creates, lookups, updates and deletes (quotes and duplicates included) must agree with a tiny in-memory model."""
    DuplicateEmailError = solution.DuplicateEmailError
    User = solution.User
    SQLiteUserDAO = solution.SQLiteUserDAO

    class Model:
        def __init__(self):
            self.keys = []  # one key per successful create, in creation order
            self.rows = {}  # live key -> (name, email)

        def _key(self, slot):
            return self.keys[slot % len(self.keys)] if self.keys else None

        def _taken(self, email, by_other_than=None):
            return any(e == email for k, (_, e) in self.rows.items() if k != by_other_than)

        def create(self, name, email):
            if self._taken(email):
                raise DuplicateEmailError(email)
            key = len(self.keys)
            self.keys.append(key)
            self.rows[key] = (name, email)
            return (name, email)

        def get_by_slot(self, slot):
            return self.rows.get(self._key(slot))

        def get_by_email(self, email):
            return next((row for row in self.rows.values() if row[1] == email), None)

        def update(self, slot, name, email):
            key = self._key(slot)
            if key not in self.rows:
                return False
            if self._taken(email, by_other_than=key):
                raise DuplicateEmailError(email)
            self.rows[key] = (name, email)
            return True

        def delete(self, slot):
            return self.rows.pop(self._key(slot), None) is not None

    class Machine(ModelMachine):
        @initialize()
        def start(self):
            self.begin(
                lambda: DaoHarness(SQLiteUserDAO(":memory:"), User),
                lambda: Model(),
                "DaoHarness(SQLiteUserDAO(':memory:'), User)",
            )

        @rule(
            email=st.sampled_from(["ada@example.com", "o'brien@example.com", "x' OR '1'='1"]),
            name=st.sampled_from(["Ada", "Miles O'Brien", "Grace"]),
        )
        def rule_1_create(self, email, name):
            self.apply(
                "create(name, email)",
                lambda target: target.create(name, email),
                email=email,
                name=name,
                compare=True,
            )

        @rule(slot=st.integers(0, 3))
        def rule_2_get_by_slot(self, slot):
            self.apply(
                "get_by_slot(slot)",
                lambda target: target.get_by_slot(slot),
                slot=slot,
                compare=True,
            )

        @rule(email=st.sampled_from(["ada@example.com", "o'brien@example.com", "x' OR '1'='1"]))
        def rule_3_get_by_email(self, email):
            self.apply(
                "get_by_email(email)",
                lambda target: target.get_by_email(email),
                email=email,
                compare=True,
            )

        @rule(
            email=st.sampled_from(["ada@example.com", "o'brien@example.com", "x' OR '1'='1"]),
            name=st.sampled_from(["Ada", "Miles O'Brien", "Grace"]),
            slot=st.integers(0, 3),
        )
        def rule_4_update(self, email, name, slot):
            self.apply(
                "update(slot, name, email)",
                lambda target: target.update(slot, name, email),
                email=email,
                name=name,
                slot=slot,
                compare=True,
            )

        @rule(slot=st.integers(0, 3))
        def rule_5_delete(self, slot):
            self.apply(
                "delete(slot)",
                lambda target: target.delete(slot),
                slot=slot,
                compare=True,
            )

        @invariant()
        def invariant_1(self):
            self.holds(
                "subject.rows() == sorted(model.rows.values())",
                lambda subject, model: subject.rows() == sorted(model.rows.values()),
                sides=lambda subject, model: (subject.rows(), sorted(model.rows.values())),
                equality=True,
            )

        @invariant()
        def invariant_2(self):
            self.holds(
                "subject.ids_ascending()",
                lambda subject, model: subject.ids_ascending(),
            )

        @invariant()
        def invariant_3(self):
            self.holds(
                "issubclass(DuplicateEmailError, ValueError)",
                lambda subject, model: issubclass(DuplicateEmailError, ValueError),
            )

    run_model_machine(Machine, examples=80, steps=25)


@pytest.mark.behaviour("5aaaec89-3187-4198-9448-f0f616189fa0", "concurrency")
@pytest.mark.timeout(25.0)
def test_threads_sharing_one_dao_on_a_file_database_lose_nothing(solution):
    """One connection used by several threads at once mixes up their statements (wrong lastrowid, half-read rows, nested transactions) unless a lock serialises it."""
    User = solution.User
    SQLiteUserDAO = solution.SQLiteUserDAO
    with step("setup", "dao = SQLiteUserDAO(temp_db_path()) stored = []"):
        dao = SQLiteUserDAO(temp_db_path())
        stored = []

    def worker(index):
        for n in range(10):
            user = dao.create(User(name=f"user {index}-{n}", email=f"{index}-{n}@example.com"))
            got = dao.get_by_id(user.id)
            assert got == user, f"create returned {user!r} but get_by_id({user.id!r}) gave {got!r}"
            got = dao.get_by_email(user.email)
            assert got == user, f"create returned {user!r} but get_by_email gave {got!r}"
            stored.append(user)

    run_threads(worker, threads=8, timeout=20.0, preempt=solution.__name__)
    with step("after 1", "len(dao.get_all())"):
        expect_equal(len(dao.get_all()), 80)
    with step("after 2", "dao.get_all()"):
        expect_equal(dao.get_all(), sorted(stored, key=lambda user: user.id))
    with step("after 3", "dao.close()"):
        dao.close()


@pytest.mark.behaviour("df4ec2ef-dd01-4497-9c16-d2f79edd429d", "concurrency")
@pytest.mark.timeout(25.0)
def test_threads_deleting_one_user_get_one_true(solution):
    """Eight threads deleting the same user remove one row, so exactly one delete answers True; checking for the row and deleting it in two steps lets several "succeed"."""
    User = solution.User
    SQLiteUserDAO = solution.SQLiteUserDAO
    with step(
        "setup",
        'dao = SQLiteUserDAO(temp_db_path()) victim = dao.create(User(name="Victim", email="victim@example.com")) survivor = dao.create(User(name="Survivor", email="survivor@example.com")) answers = []',
    ):
        dao = SQLiteUserDAO(temp_db_path())
        victim = dao.create(User(name="Victim", email="victim@example.com"))
        survivor = dao.create(User(name="Survivor", email="survivor@example.com"))
        answers = []

    def worker(index):
        answers.append(dao.delete(victim.id))

    run_threads(worker, threads=8, timeout=20.0, preempt=solution.__name__)
    with step("after 1", "sorted(answers)"):
        expect_equal(sorted(answers), [False] * 7 + [True])
    with step("after 2", "dao.get_all()"):
        expect_equal(dao.get_all(), [survivor])
    with step("after 3", "dao.close()"):
        dao.close()
