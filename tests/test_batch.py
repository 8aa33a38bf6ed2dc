"""``broadsheet batch``: mixed inputs, bad documents, kill -9 and resume, engines, formats."""

from __future__ import annotations

import importlib.util
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from broadsheet.bench import synthetic_bench_pages
from broadsheet.cli import main
from broadsheet.errors import BadInputError
from broadsheet.run.inputs import InputOptions, WorkItem, expand_inputs
from broadsheet.run.local import run_local
from broadsheet.run.records import UNLISTED_REASON, page_record, record_schema, removal_reasons
from broadsheet.run.shards import prepare_output, require_format
from broadsheet.run.work import WorkOptions, process_item
from broadsheet.samples import sample_text

RECORD_KEYS = ["id", "page", "language", "articles", "unassigned", "removed_counts", "source"]
HAS_PDF_READER = importlib.util.find_spec("broadsheet.read.pdf") is not None


def write_pages(directory: Path, count: int, page_bytes: int = 1500, seed: int = 7) -> list[str]:
    """Generated text pages (the bench generator: the sample page's blocks reshuffled)."""
    ids = []
    for number, text in enumerate(synthetic_bench_pages(count, page_bytes, seed=seed)):
        relative = f"{'sub/' if number % 3 == 0 else ''}page-{number:04d}.txt"
        path = directory / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        ids.append(relative)
    return ids


def write_pdf(path: Path, pages: int, password: str | None = None) -> None:
    """A small born-digital PDF: a headline, a byline and a paragraph per page."""
    import pymupdf

    document = pymupdf.open()
    for number in range(1, pages + 1):
        page = document.new_page()
        page.insert_text((72, 72), f"Harbour Ferry Returns on Page {number}", fontsize=20)
        page.insert_text((72, 104), "By Staff Writer", fontsize=10)
        for line in range(10):
            page.insert_text((72, 130 + 14 * line), f"The ferry line {line} resumes its morning run after repairs.",
                             fontsize=10)
    if password:
        document.save(path, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw=password, owner_pw=password)
    else:
        document.save(path)


def read_records(out: Path) -> list[dict]:
    records = []
    for shard in sorted(out.glob("part-*.jsonl")):
        with shard.open(encoding="utf-8") as handle:
            records.extend(json.loads(line) for line in handle)
    return records


def read_errors(path: Path) -> dict[str, str]:
    return {entry["id"]: entry["error"] for entry in map(json.loads, path.read_text(encoding="utf-8").splitlines())}


def by_id(records: list[dict]) -> list[dict]:
    return sorted(records, key=lambda r: (r["id"], r["page"]))


def test_mixed_directory_records_bad_files_and_goes_on(tmp_path):
    corpus = tmp_path / "corpus"
    good = write_pages(corpus, 9)
    (corpus / "binary.dat").write_bytes(bytes(range(256)) * 40)
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "undecodable.txt").write_bytes(b"\x81\x00\xfe\xff" * 200 + b"\x00\x00\x00")
    with (corpus / "one-huge-line.txt").open("wb") as handle:  # 50 MB, one line
        handle.write(("新聞" * 1000).encode("utf-8") * 8739)
    if HAS_PDF_READER:
        write_pdf(corpus / "two-pages.pdf", pages=2)
        write_pdf(corpus / "encrypted.pdf", pages=1, password="secret")
        (corpus / "truncated.pdf").write_bytes((corpus / "two-pages.pdf").read_bytes()[:600])
    out = tmp_path / "out"

    code = main(["batch", str(corpus), "-o", str(out), "--workers", "2", "--shard-size", "4"])

    assert code == 4
    errors = read_errors(out / "_errors.jsonl")
    bad = {"binary.dat", "empty.txt", "undecodable.txt", "one-huge-line.txt"}
    if HAS_PDF_READER:
        bad |= {"truncated.pdf", "encrypted.pdf"}
        assert "truncated" in errors["truncated.pdf"] and "encrypted" in errors["encrypted.pdf"]
    assert set(errors) == bad
    assert "binary" in errors["binary.dat"] and "empty" in errors["empty.txt"]
    assert "limit" in errors["one-huge-line.txt"]
    assert all("\n" not in reason and "Traceback" not in reason for reason in errors.values())
    records = read_records(out)
    pdf_pages = sorted(r["page"] for r in records if r["id"] == "two-pages.pdf")
    assert pdf_pages == ([1, 2] if HAS_PDF_READER else [])
    text_records = [r for r in records if r["id"] != "two-pages.pdf"]
    assert sorted(r["id"] for r in text_records) == sorted(good)
    for record in records:
        assert list(record) == RECORD_KEYS
        assert record["source"].endswith(record["id"])
        assert record["articles"], record["id"]
        assert list(record["removed_counts"]) == list(removal_reasons())


def test_only_bad_inputs_exit_1_and_missing_input_is_an_error(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "empty.txt").write_bytes(b"")
    code = main(["batch", str(corpus), str(tmp_path / "no-such-dir"), "-o", str(tmp_path / "out"), "--workers", "1"])
    assert code == 1
    assert set(read_errors(tmp_path / "out" / "_errors.jsonl")) == {"empty.txt", str(tmp_path / "no-such-dir")}


def test_sample_page_record_has_typed_fields_and_every_reason_is_listed():
    from broadsheet import restore

    record = page_record(restore(sample_text(), "sample.txt"), "sample.txt", "sample.txt")
    # A removal reason missing from records.OTHER_REMOVAL_REASONS would be lumped into "other".
    assert record["removed_counts"][UNLISTED_REASON] == 0
    assert sum(record["removed_counts"].values()) > 0
    pa = pytest.importorskip("pyarrow")

    table = pa.Table.from_pylist([record], schema=record_schema())
    assert table.to_pylist() == [record]


def test_kill_9_mid_run_then_resume_gives_every_record_exactly_once(tmp_path):
    corpus = tmp_path / "corpus"
    expected = write_pages(corpus, 300, page_bytes=1000)
    out = tmp_path / "out"
    command = [sys.executable, "-m", "broadsheet", "batch", str(corpus), "-o", str(out),
               "--workers", "1", "--shard-size", "10"]
    first_marker = out / "_done" / "part-00000.json"
    run = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 40
        while not first_marker.exists():
            assert run.poll() is None, "the batch ended before its first shard was committed"
            assert time.monotonic() < deadline, "no shard committed in 40 s"
            time.sleep(0.005)
    finally:
        os.killpg(run.pid, signal.SIGKILL)  # the whole run, workers included, as a crash would
        run.wait()
    committed_before = {i for m in (out / "_done").glob("part-*.json") for i in json.loads(m.read_text())["ids"]}
    assert 0 < len(committed_before) < len(expected), "the kill must land mid-run for this test to mean anything"

    resumed = subprocess.run(command + ["--resume"], capture_output=True, text=True, timeout=120)

    assert resumed.returncode == 0, resumed.stderr
    assert "resumed" in resumed.stderr
    ids = [r["id"] for r in read_records(out)]
    assert len(ids) == len(set(ids)), "a record was written twice"
    assert set(ids) == set(expected), "a record was lost"
    assert not [p for p in out.rglob(".*") if p.name.endswith(".tmp")]


def test_resume_retracts_a_shard_renamed_without_its_marker_and_temp_files(tmp_path):
    out = tmp_path / "out"
    (out / "_done").mkdir(parents=True)
    (out / "part-00000.jsonl").write_text('{"id": "a"}\n')
    failed = [{"id": "b", "path": "b", "error": "x"}]
    marker = {"shard": "part-00000.jsonl", "records": 1, "ids": ["a"], "failed": failed}
    (out / "_done" / "part-00000.json").write_text(json.dumps(marker))
    (out / "part-00001.jsonl").write_text('{"id": "c"}\n')  # killed between rename and marker
    (out / ".part-00002.jsonl.tmp").write_text('{"id": "d"}\n')  # killed mid-shard
    (out / "_done" / ".part-00001.json.tmp").write_text("{")

    state = prepare_output(out, resume=True)

    assert state.done_ids == {"a", "b"} and state.records == 1 and state.failures == 1
    assert state.next_index == 1
    assert sorted(p.name for p in out.iterdir()) == ["_done", "part-00000.jsonl"]
    assert [p.name for p in (out / "_done").iterdir()] == ["part-00000.json"]


def test_existing_output_needs_resume(tmp_path):
    corpus = tmp_path / "corpus"
    write_pages(corpus, 2)
    assert main(["batch", str(corpus), "-o", str(tmp_path / "out"), "--workers", "1"]) == 0
    assert main(["batch", str(corpus), "-o", str(tmp_path / "out"), "--workers", "1"]) == 1
    assert main(["batch", str(corpus), "-o", str(tmp_path / "out"), "--workers", "1", "--resume"]) == 0
    assert len(read_records(tmp_path / "out")) == 2


def test_local_and_dask_engines_give_the_same_records(tmp_path):
    pytest.importorskip("dask.distributed")
    corpus = tmp_path / "corpus"
    write_pages(corpus, 8)
    (corpus / "empty.txt").write_bytes(b"")
    local, dask = tmp_path / "local", tmp_path / "dask"
    assert main(["batch", str(corpus), "-o", str(local), "--workers", "2", "--shard-size", "5"]) == 4
    assert main(["batch", str(corpus), "-o", str(dask), "--workers", "2", "--shard-size", "5", "--engine", "dask"]) == 4
    local_records = by_id(read_records(local))
    assert len(local_records) == 8
    assert by_id(read_records(dask)) == local_records
    assert read_errors(local / "_errors.jsonl") == read_errors(dask / "_errors.jsonl")


def test_jsonl_input_with_ids_line_numbers_and_bad_lines(tmp_path):
    pages = synthetic_bench_pages(3, 1500)
    lines = [
        json.dumps({"id": "a1", "body": pages[0]}, ensure_ascii=False),
        json.dumps({"body": pages[1]}, ensure_ascii=False),
        "{not json",
        json.dumps({"id": "no-text", "other": "x"}),
        "",
        json.dumps({"id": 7, "body": pages[2]}, ensure_ascii=False),
        json.dumps({"id": "huge", "body": "字" * 2_000_000}, ensure_ascii=False),  # 6 MB: over the page limit
    ]
    source = tmp_path / "pages.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"

    code = main(["batch", str(source), "-o", str(out), "--text-field", "body", "--workers", "1",
                 "--errors", str(tmp_path / "errors.jsonl")])

    assert code == 4
    records = by_id(read_records(out))
    assert [r["id"] for r in records] == ["pages.jsonl#7", "pages.jsonl#a1", "pages.jsonl#line-2"]
    assert all(r["source"] == str(source) for r in records)
    errors = read_errors(tmp_path / "errors.jsonl")
    assert set(errors) == {"pages.jsonl#line-3", "pages.jsonl#no-text", "pages.jsonl#line-7"}
    assert "not JSON" in errors["pages.jsonl#line-3"] and "'body'" in errors["pages.jsonl#no-text"]
    assert "limit" in errors["pages.jsonl#line-7"]


def test_inputs_stream_lazily(tmp_path):
    corpus = tmp_path / "corpus"
    write_pages(corpus, 5)
    items = expand_inputs([str(corpus)], InputOptions())
    first = next(items)
    assert isinstance(first, WorkItem) and first.path is not None and first.text is None
    # The subdirectory is listed only when the walk reaches it, after the first item.
    (corpus / "sub" / "zz-added-after-start.txt").write_text("晚到的一頁", encoding="utf-8")
    assert [i.id for i in items][-1] == "sub/zz-added-after-start.txt"


def test_glob_input_ids_are_relative_to_the_glob_root(tmp_path):
    corpus = tmp_path / "corpus"
    write_pages(corpus, 4)
    ids = [i.id for i in expand_inputs([str(corpus / "**" / "*.txt")])]
    assert sorted(ids) == sorted(["sub/page-0000.txt", "page-0001.txt", "page-0002.txt", "sub/page-0003.txt"])


def test_parquet_output_reads_back_like_jsonl(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    corpus = tmp_path / "corpus"
    write_pages(corpus, 7)
    assert main(["batch", str(corpus), "-o", str(tmp_path / "j"), "--workers", "2", "--shard-size", "3"]) == 0
    assert main(["batch", str(corpus), "-o", str(tmp_path / "p"), "--workers", "2", "--shard-size", "3",
                 "--format", "parquet"]) == 0
    shards = sorted((tmp_path / "p").glob("part-*.parquet"))
    assert len(shards) == 3
    rows = [row for shard in shards for row in pq.read_table(shard).to_pylist()]
    assert by_id(rows) == by_id(read_records(tmp_path / "j"))


def test_parquet_without_pyarrow_is_a_clear_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(BadInputError, match=r"broadsheet\[parquet\]"):
        require_format("parquet")


def test_jsonl_output_loads_with_hugging_face_datasets(tmp_path):
    datasets = pytest.importorskip("datasets")
    corpus = tmp_path / "corpus"
    write_pages(corpus, 6)
    (corpus / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    assert main(["batch", str(corpus), "-o", str(out), "--workers", "1"]) == 4
    data_files = str(out / "part-*.jsonl")
    loaded = datasets.load_dataset("json", data_files=data_files, split="train", cache_dir=str(tmp_path / "hf"))
    assert sorted(loaded["id"]) == sorted(r["id"] for r in read_records(out))
    assert loaded.features["removed_counts"] == datasets.Features.from_arrow_schema(record_schema())["removed_counts"]


def test_record_schema_as_features_loads_shards_typed_from_their_first_chunk_alone(tmp_path):
    """``datasets`` types every column from the first chunk it reads; a field that is null
    throughout that chunk (no caption credit in the first shard, say) then fails the load
    at the next shard. The record schema passed as features removes that dependence."""
    datasets = pytest.importorskip("datasets")
    corpus = tmp_path / "corpus"
    write_pages(corpus, 6)
    out = tmp_path / "out"
    assert main(["batch", str(corpus), "-o", str(out), "--workers", "1", "--shard-size", "1"]) == 0
    features = datasets.Features.from_arrow_schema(record_schema())
    typed = datasets.load_dataset("json", data_files=str(out / "part-*.jsonl"), split="train", features=features,
                                  chunksize=4096, cache_dir=str(tmp_path / "hf"))
    assert sorted(typed["id"]) == sorted(r["id"] for r in read_records(out))
    assert typed.features == features


def test_convert_t2s_changes_text_but_not_spans(tmp_path):
    source = tmp_path / "pages.jsonl"
    source.write_text(json.dumps({"id": "s", "text": sample_text()}, ensure_ascii=False) + "\n", encoding="utf-8")
    assert main(["batch", str(source), "-o", str(tmp_path / "orig"), "--workers", "1"]) == 0
    assert main(["batch", str(source), "-o", str(tmp_path / "t2s"), "--workers", "1", "--convert", "t2s"]) == 0
    [original] = read_records(tmp_path / "orig")
    [converted] = read_records(tmp_path / "t2s")
    original_text = json.dumps([a["body"] for a in original["articles"]], ensure_ascii=False)
    converted_text = json.dumps([a["body"] for a in converted["articles"]], ensure_ascii=False)
    assert "體" in original_text or "開" in original_text or "這" in original_text
    assert converted_text != original_text
    from broadsheet.script import convert_text

    assert converted_text == convert_text(original_text, "t2s")
    assert [b["spans"] for a in converted["articles"] for b in a["body"]] == \
           [b["spans"] for a in original["articles"] for b in a["body"]]


def test_unknown_conversion_is_refused(tmp_path):
    source = tmp_path / "p.txt"
    source.write_text("一頁", encoding="utf-8")
    assert main(["batch", str(source), "-o", str(tmp_path / "out"), "--convert", "no-such-config"]) == 1


def test_a_document_past_its_timeout_is_an_error():
    # In a worker process, as batch runs it: in the test process the repeating alarm can
    # land in pytest's own unraisable-exception hook (after a GC callback swallowed the
    # first one) and fail the test from outside the code under test.
    item = WorkItem(id="slow", source="slow.txt", text="\n\n".join(synthetic_bench_pages(20, 15_000)))
    [result] = list(run_local([item], WorkOptions(timeout=0.05), workers=1))
    assert result.records == [] and result.error == "timed out after 0.05 s"


def crash_on_marked_items(item: WorkItem, options: WorkOptions):
    """A worker body that dies outright (as a segfaulting parser would) on ids containing 'crash'."""
    if "crash" in item.id:
        os._exit(70)
    return process_item(item, options)


def test_a_worker_crash_is_recorded_and_the_rest_completes():
    pages = synthetic_bench_pages(6, 1500)
    items = [WorkItem(id=f"p{i}", source=f"p{i}", text=t) for i, t in enumerate(pages)]
    items.insert(3, WorkItem(id="crash-me", source="crash-me", text=pages[0]))
    results = {r.id: r for r in run_local(items, WorkOptions(), workers=2, process=crash_on_marked_items)}
    assert set(results) == {i.id for i in items}
    assert "worker process died" in results["crash-me"].error
    assert all(results[f"p{i}"].error is None and results[f"p{i}"].pages == 1 for i in range(6))


def test_bench_batch_times_each_worker_count_on_a_generated_corpus(tmp_path, capsys):
    import argparse

    from broadsheet.run.bench import bench_batch, register_batch_options

    parser = argparse.ArgumentParser()
    parser.add_argument("--page-bytes", type=int, default=15_000)
    parser.add_argument("--json", action="store_true")
    register_batch_options(parser)
    args = parser.parse_args(["--batch", "--batch-pages", "12", "--batch-workers", "1", "--page-bytes", "2000",
                              "--batch-text", "sample",
                              "--batch-dir", str(tmp_path), "--json"])
    assert bench_batch(args) == 0
    result = json.loads(capsys.readouterr().out)
    [run] = result["runs"]
    assert (result["pages"], run["workers"], run["pages"], run["errors"]) == (12, 1, 12, 0)
    assert run["pages_per_second"] > 0 and run["worker_max_rss_mb"] > 0 and run["parent_max_rss_mb"] > 0
    assert len(read_records(tmp_path / "out-1")) == 12
    assert len(list((tmp_path / "corpus").rglob("page-*.txt"))) == 12


def test_workers_that_cannot_start_stop_the_run_instead_of_failing_every_document(monkeypatch):
    import broadsheet.run.local as local_engine
    from broadsheet.errors import BroadsheetError

    # After a crash the engine checks that a fresh worker starts; here none starts in time.
    monkeypatch.setattr(local_engine, "WORKER_START_SECONDS", 1e-6)
    items = [WorkItem(id="crash-me", source="crash-me", text="一頁")]
    with pytest.raises(BroadsheetError, match="cannot start"):
        list(run_local(items, WorkOptions(), workers=1, process=crash_on_marked_items))


def test_output_inside_an_input_directory_is_not_read_back_as_input(tmp_path):
    corpus = tmp_path / "corpus"
    pages = write_pages(corpus, 3)
    out = corpus / "restored"
    assert main(["batch", str(corpus), "-o", str(out), "--workers", "1", "--shard-size", "1"]) == 0
    assert main(["batch", str(corpus), "-o", str(out), "--workers", "1", "--resume"]) == 0
    assert sorted(r["id"] for r in read_records(out)) == sorted(pages)


def test_local_engine_pulls_inputs_only_as_workers_free_up():
    pages = synthetic_bench_pages(1, 800)
    pulled = 0

    def items():
        nonlocal pulled
        for number in range(1000):
            pulled += 1
            yield WorkItem(id=f"p{number}", source="p", text=pages[0])

    results = run_local(items(), WorkOptions(), workers=2)
    next(results)
    # Two in flight per worker, plus the one that completed: not the whole input.
    assert pulled <= 2 * 2 + 1
    results.close()


def test_each_bench_run_starts_without_the_pages_lines_remembered(monkeypatch):
    """A second run over the same pages must not be answered from the caches the first
    filled (each line's role, each word's frequency): no stream of new pages offers that."""
    from broadsheet import bench
    from broadsheet.layout.blocks import line_hint
    from broadsheet.repair.lines import word_zipf

    sizes = []
    real_restore = bench.restore_text

    def restore_and_look(page):
        sizes.append((line_hint.cache_info().currsize, word_zipf.cache_info().currsize))
        line_hint("By Jane Doe")
        word_zipf("eco")
        return real_restore(page)

    monkeypatch.setattr(bench, "restore_text", restore_and_look)
    bench.measure(["A line.\n\nAnother."], repeat=2)
    assert sizes == [(0, 0), (0, 0)]
