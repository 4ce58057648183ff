"""Starts moto's server with three fixes to its DynamoDB writes.

moto 5.x backs up a table before TransactWriteItems by deep-copying it once per action in the
transaction, so one transaction costs (actions x table size): a few seconds once a table holds a
hundred articles. The backup is taken before any action runs, so one copy per table gives exactly the
same rollback.

moto's server runs each request on its own thread with no locking, so concurrent writes to one item
interleave (two ADDs read the same count, one increment is lost) and a cancelled transaction's rollback
can undo another's commit. DynamoDB applies every write request atomically; a lock around the write
operations gives the same isolation.

moto records every model object it ever creates in a class-level list (for its dashboard), copies
included, so every transaction's backup of a table stayed in memory: about 1 GB per 100 ingested
articles, until the OOM killer took the server. DynamoDB items and tables are not recorded here.

Everything else is moto as installed; arguments are moto_server's.
"""
import copy
import sys
import threading

import moto.dynamodb.models as dynamodb_models
from moto.dynamodb.models.dynamo_type import Item
from moto.dynamodb.models.table import Table
from moto.server import main

_transaction = threading.local()


class _CopyEachObjectOncePerTransaction:
    def __getattr__(self, name):
        return getattr(copy, name)

    def deepcopy(self, obj, memo=None):
        copies = getattr(_transaction, "copies", None)
        if copies is None:
            return copy.deepcopy(obj, memo)
        if id(obj) not in copies:
            copies[id(obj)] = copy.deepcopy(obj, memo)
        return copies[id(obj)]


_original_transact_write_items = dynamodb_models.DynamoDBBackend.transact_write_items


def _transact_write_items(self, transact_items):
    _transaction.copies = {}
    try:
        return _original_transact_write_items(self, transact_items)
    finally:
        _transaction.copies = None


_writes = threading.RLock()


def _one_at_a_time(method):
    def write(self, *args, **kwargs):
        with _writes:
            return method(self, *args, **kwargs)
    return write


dynamodb_models.copy = _CopyEachObjectOncePerTransaction()
dynamodb_models.DynamoDBBackend.transact_write_items = _one_at_a_time(_transact_write_items)
for _write in ("put_item", "update_item", "delete_item", "batch_write_item"):
    if hasattr(dynamodb_models.DynamoDBBackend, _write):
        setattr(dynamodb_models.DynamoDBBackend, _write, _one_at_a_time(getattr(dynamodb_models.DynamoDBBackend, _write)))


def _untracked(cls, *args, **kwargs):
    return object.__new__(cls)


for _model in (Item, Table):
    _model.__new__ = staticmethod(_untracked)

if __name__ == "__main__":
    sys.exit(main())
