"""The command line: formats, exit codes, one-line errors, encodings, big inputs."""

import json
import subprocess
import sys

import pytest

import broadsheet
from broadsheet.cli import main
from broadsheet.samples import sample_text

SAMPLE = "本報訊（記者 王五 廣州報道）粵港兩地官員昨日在廣州舉行會談，雙方同意加強合作。\n"


def run_cli(*args, stdin: bytes | None = None):
    return subprocess.run([sys.executable, "-m", "broadsheet", *args], input=stdin, capture_output=True, timeout=300)


def assert_one_line_error(result, code):
    assert result.returncode == code, result.stderr
    err = result.stderr.decode()
    assert "Traceback" not in err
    assert err.count("\n") == 1 and err.startswith("broadsheet: error:")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "big5", "big5hkscs", "gb18030", "gbk"])
def test_encodings_are_detected(tmp_path, encoding):
    # Three different lines: one line printed three times would read as display type.
    text = "".join(f"香港特區政府昨日公布第{n}份施政報告，重點包括房屋、醫療及教育三方面的措施。\n" for n in "一二三")
    if encoding in ("gb18030", "gbk"):
        text = "".join(f"香港特区政府昨日公布第{n}份施政报告，重点包括房屋、医疗及教育三方面的措施。\n" for n in "一二三")
    path = tmp_path / f"page.{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    page = broadsheet.restore_file(path)
    assert page.articles[0].body[0].string.startswith(text.split("\n")[0][:10])


def test_encoding_override(tmp_path):
    path = tmp_path / "page.txt"
    path.write_bytes("會談".encode("big5"))
    assert main(["restore", str(path), "--encoding", "big5", "-o", str(tmp_path / "out.json")]) == 0
    assert "會談" in (tmp_path / "out.json").read_text(encoding="utf-8")


def test_formats(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text(SAMPLE, encoding="utf-8")
    as_json = run_cli("restore", str(path))
    assert as_json.returncode == 0
    assert json.loads(as_json.stdout)["articles"][0]["byline"] == "本報訊（記者 王五 廣州報道）"
    assert "粵港兩地" in run_cli("restore", str(path), "--format", "markdown").stdout.decode()
    assert "粵港兩地" in run_cli("restore", str(path), "--format", "text").stdout.decode()
    assert run_cli("restore", "-", stdin=SAMPLE.encode()).returncode == 0


def test_missing_file_and_directory(tmp_path):
    assert_one_line_error(run_cli("restore", str(tmp_path / "nope.txt")), 1)
    assert_one_line_error(run_cli("restore", str(tmp_path)), 1)


def test_binary_input(tmp_path):
    path = tmp_path / "blob.txt"
    path.write_bytes(bytes(range(256)) * 40)
    assert_one_line_error(run_cli("restore", str(path)), 1)


def test_empty_input(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert_one_line_error(run_cli("restore", str(path)), 1)
    path.write_bytes(b"  \n\n \t\n")
    assert_one_line_error(run_cli("restore", str(path)), 1)


def test_wrong_encoding_override(tmp_path):
    path = tmp_path / "page.txt"
    path.write_bytes("會談".encode("utf-16"))
    assert_one_line_error(run_cli("restore", str(path), "--encoding", "ascii"), 1)
    assert_one_line_error(run_cli("restore", str(path), "--encoding", "no-such-codec"), 1)


def test_usage_errors_exit_2():
    assert run_cli().returncode == 2
    assert run_cli("restore", "--format", "yaml", "x").returncode == 2


def test_demo_runs():
    result = run_cli("demo")
    assert result.returncode == 0
    out = result.stdout.decode()
    assert "海濱長廊延伸工程明年動工" in out and "茶樓重開" in out


def test_too_large_input_is_refused(tmp_path, monkeypatch):
    from broadsheet import api

    monkeypatch.setattr(api, "MAX_INPUT_BYTES", 1000)
    path = tmp_path / "big.txt"
    path.write_text("長" * 1000, encoding="utf-8")
    with pytest.raises(broadsheet.TooLargeError):
        broadsheet.restore_file(path)


def test_20_megabyte_page_gives_a_result(tmp_path):
    """A 20 MB input: a result (or a clear error), never a traceback; the whole page is accounted for."""
    block = sample_text()
    copies = 20_000_000 // len(block.encode("utf-8")) + 1
    path = tmp_path / "huge.txt"
    path.write_text("\n\n".join([block] * copies), encoding="utf-8")
    assert path.stat().st_size >= 20_000_000
    page = broadsheet.restore_file(path)
    d = page.to_dict()
    kept = sum(1 for text in _texts(d) for ch in text if not ch.isspace())
    removed = sum(1 for r in d["removed"] if "replacement" not in r for ch in r["text"] if not ch.isspace())
    expected = sum(1 for ch in page.input_text if not ch.isspace())
    assert kept + removed == expected


def test_single_huge_line(tmp_path):
    path = tmp_path / "line.txt"
    path.write_text("會談" * 2_000_000, encoding="utf-8")
    page = broadsheet.restore_file(path)
    assert sum(len(b.string) for a in page.articles for b in a.blocks()) + sum(len(r.text) for r in page.removed) == 4_000_000


def _texts(d):
    from conftest import all_text_fields

    return all_text_fields(d)
