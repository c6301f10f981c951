"""Demo content for `manage.py load_demo`. `load()` must be idempotent."""


def load() -> None:
    pass
