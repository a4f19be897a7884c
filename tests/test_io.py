from __future__ import annotations

import pytest

from summarize.errors import InputError
from summarize.io import decode_text, read_jsonl, read_text


def test_utf8_with_bom_and_crlf_is_read():
    assert decode_text("\ufeffHarga naik.\r\nWarga mengeluh.".encode("utf-8"), "x") == "Harga naik.\r\nWarga mengeluh."


@pytest.mark.parametrize(
    "data, needle",
    [(b"", "empty"), (b" \n\t\xc2\xa0", "empty"), (b"\x00\x01\x02abc", "binary"), (b"caf\xe9", "not UTF-8")],
)
def test_bad_bytes_are_named(data, needle):
    with pytest.raises(InputError, match=needle):
        decode_text(data, "x")


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_text(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="directory"):
        read_text(tmp_path)


def test_jsonl_keeps_every_line_in_order(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text(
        '{"id": 1, "text": "Satu."}\n\nnot json\n{"id": "b"}\n{"id": "c", "text": "  "}\n[1, 2]\n'
        '{"id": "d", "text": "Dua.", "date": "2024-05-01"}\n',
        encoding="utf-8",
    )
    items = list(read_jsonl(path))
    assert [it.line for it in items] == [1, 3, 4, 5, 6, 7]
    assert [it.error is None for it in items] == [True, False, False, False, False, True]
    assert items[0].id == "1" and items[-1].date == "2024-05-01"
    assert "bad JSON" in items[1].error and "text" in items[2].error and "empty" in items[3].error


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be"])
def test_utf16_with_a_bom_is_decoded(codec):
    data = "Harga naik 5 persen.".encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data
    assert decode_text(data, "x") == "Harga naik 5 persen."


def test_nul_anywhere_is_binary():
    data = b"Harga naik. " * 2000 + b"\x00" + b"Warga mengeluh. " * 2000
    with pytest.raises(InputError, match="binary"):
        decode_text(data, "x")


def test_oversize_input_reports_its_real_size(tmp_path):
    from summarize.io import MAX_BYTES

    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * (25 * 1024 * 1024))
    with pytest.raises(InputError, match="input is 25 MB; the limit is 20 MB"):
        read_text(big)
    with pytest.raises(InputError, match=f"input is more than {MAX_BYTES // 1024 // 1024} MB"):
        decode_text(b"a" * (MAX_BYTES + 1), "stdin")
