"""briefs.toml is validated on load: every mistake is one clear line, before anything runs."""

import re
import shutil

import pytest

from analysis import ParameterError
from analysis.builder import config, params
from conftest import FIXTURES

TINY = FIXTURES / "briefs" / "notebooks" / "tiny.ipynb"


@pytest.fixture
def write(tmp_path):
    (tmp_path / "notebooks").mkdir()
    shutil.copy(TINY, tmp_path / "notebooks" / "tiny.ipynb")

    def write(text: str):
        path = tmp_path / "briefs.toml"
        path.write_text(text, encoding="utf-8")
        return path
    return write


def test_a_good_entry(write):
    briefs = config.load(write('[[brief]]\nname = "a"\nnotebook = "tiny.ipynb"\n'
                               'title = "T"\ncell_timeout = 5\nformats = ["html"]\n'))
    assert briefs["a"].parameters == {"title": "T"}
    assert (briefs["a"].cell_timeout, briefs["a"].formats) == (5, ("html",))


@pytest.mark.parametrize("entry, message", [
    ('name = "../x"\nnotebook = "tiny.ipynb"', "bad brief name '../x'"),
    ('name = "/etc"\nnotebook = "tiny.ipynb"', "bad brief name '/etc'"),
    ('name = "a\\u0000b"\nnotebook = "tiny.ipynb"', "bad brief name"),
    ('name = "A"\nnotebook = "tiny.ipynb"', "bad brief name 'A'"),
    ('name = "a"\nnotebook = "../tiny.ipynb"', "no notebook '../tiny.ipynb' in notebooks/"),
    ('name = "a"\nnotebook = "missing.ipynb"', "no notebook 'missing.ipynb'"),
    ('name = "a"\nnotebook = "tiny.ipynb"\nformats = ["docx"]',
     "formats must be a list of html, pdf (got ['docx'])"),
    ('name = "a"\nnotebook = "tiny.ipynb"\ncell_timeout = 0', "cell_timeout must be"),
    ('name = "a"\nnotebook = "tiny.ipynb"\noutput = "x"', "unknown key output"),
    ('name = "a"\nnotebook = "tiny.ipynb"\nparameters = 3', "parameters must be a table"),
])
def test_bad_entries(write, entry, message):
    with pytest.raises(ParameterError, match=re.escape(message)):
        config.load(write(f"[[brief]]\n{entry}\n"))


def test_duplicate_and_empty_and_broken(write):
    entry = '[[brief]]\nname = "a"\nnotebook = "tiny.ipynb"\n'
    with pytest.raises(ParameterError, match="configured twice"):
        config.load(write(entry * 2))
    with pytest.raises(ParameterError, match="no \\[\\[brief\\]\\] configured"):
        config.load(write("# nothing\n"))
    with pytest.raises(ParameterError, match="briefs.toml: "):
        config.load(write("[[brief]\n"))


@pytest.mark.parametrize("name", ["token", "api_key", "db_password", "SECRET", "credentials"])
def test_secret_looking_parameters_are_refused(name):
    with pytest.raises(ParameterError, match="looks like a secret"):
        params.resolve({}, {name: "x"})
    with pytest.raises(ParameterError, match="looks like a secret"):
        params.from_command_line({name: {"type": "str"}}, {name: "x"})


def test_nul_bytes_in_text_are_refused():
    declared = params.declared(TINY)
    with pytest.raises(ParameterError, match="NUL byte"):
        params.resolve(declared, {"title": "a\0b"})
    with pytest.raises(ParameterError, match="NUL byte"):
        params.resolve(declared, {"data_dir": "/tmp/\0x"})


@pytest.mark.parametrize("top, entry, message", [
    ("", 'email = ["a@example.org"]', "email needs an [email] table"),
    ('[email]\nhost = "h"\nport = 25\nsender = "s@example.org"\n', 'email = "a@example.org"',
     "email must be a list of addresses"),
    ('[email]\nhost = "h"\nport = 25\nsender = "s@example.org"\n', 'email = ["not-an-address"]',
     "email must be a list of addresses"),
    ('[email]\nhost = "h"\nport = 0\nsender = "s@example.org"\n', "", "port must be a number"),
    ('[email]\nhost = "h"\nport = 25\n', "", "[email]: missing sender"),
    ('[email]\nhost = "h"\nport = 25\nsender = "s@example.org"\npassword = "x"\n', "",
     "[email]: unknown key password"),
    ('[email]\nhost = "h"\nport = 25\nsender = "s@example.org"\nstarttls = "yes"\n', "",
     "starttls must be true or false"),
])
def test_bad_email_settings(write, top, entry, message):
    path = write(f'[[brief]]\nname = "a"\nnotebook = "tiny.ipynb"\n{entry}')
    path.write_text(top + "\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(ParameterError, match=re.escape(message)):
        config.load(path)


def test_email_settings(write):
    path = write('[[brief]]\nname = "a"\nnotebook = "tiny.ipynb"\nemail = ["a@example.org"]\n'
                 '[[brief]]\nname = "b"\nnotebook = "tiny.ipynb"')
    path.write_text('[email]\nhost = "mail.example.org"\nport = 587\nstarttls = true\n'
                    'sender = "briefs@example.org"\n\n' + path.read_text(encoding="utf-8"),
                    encoding="utf-8")
    briefs = config.load(path)
    assert briefs["a"].email == ("a@example.org",)
    assert briefs["a"].server == config.MailServer("mail.example.org", 587, True,
                                                   "briefs@example.org")
    assert briefs["b"].email == () and briefs["b"].server is None
