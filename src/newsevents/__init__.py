"""newsevents: news articles in, evidence-backed event data out."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("newsevents")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+unknown"
