"""The fetcher of the site's browser engine (kb/vendor.py), on tarballs made here and a
stand-in registry: nothing is downloaded."""

from __future__ import annotations

import tarfile
from pathlib import Path

import pytest

from claimkb.pages.vendor import (
    VendorError,
    cached_path,
    fetch,
    integrity_of,
    load_table,
    safe_members,
    unpack,
)
from tests.vendor_fixtures import ENGINE_FILES, FakeRegistry, package_for, tarball

URL = "https://registry.npmjs.org/oxigraph/-/oxigraph-0.5.11.tgz"


def test_integrity_is_the_subresource_integrity_form() -> None:
    # The SHA-512 of no bytes, cf83e135…a538327af927da3e, in base64: the well-known value.
    assert integrity_of(b"") == (
        "sha512-z4PhNX7vuL3xVChQ1m2AB9Yg5AULVxXcg/SpIdNs6c5H0NE8XYXysP+DGNKHfuwvY7kxvUdBeoGlODJ6+SfaPg=="
    )


def test_the_pinned_table_names_the_browser_build_of_oxigraph() -> None:
    package = load_table()["oxigraph"]
    assert package.url == URL
    assert {"web.js", "web_bg.wasm"} <= set(package.files)
    assert "node.js" not in package.files and "node_bg.wasm" not in package.files
    assert package.integrity.startswith("sha512-")


def test_axe_core_is_pinned_for_the_tests_only() -> None:
    table = load_table()
    axe = table["axe-core"]
    assert axe.use == "test" and table["oxigraph"].use == "site"
    assert axe.url == "https://registry.npmjs.org/axe-core/-/axe-core-4.14.1.tgz"
    assert "axe.min.js" in axe.files


def test_a_malformed_table_names_its_file_and_line(tmp_path: Path) -> None:
    table = tmp_path / "vendor.yaml"
    table.write_text(
        "packages:\n  - name: oxigraph\n    version: latest\n    integrity: x\n"
        "    license: MIT\n    files: [web.js]\n",
        encoding="utf-8",
    )
    with pytest.raises(VendorError, match=r"vendor\.yaml:2: packages -> 0 -> version"):
        load_table(table)


def test_fetch_downloads_verifies_and_caches(tmp_path: Path) -> None:
    data = tarball(ENGINE_FILES)
    package = package_for(data)
    registry = FakeRegistry(data)
    assert fetch(package, tmp_path, registry) == data
    assert registry.calls == [URL]
    assert cached_path(package, tmp_path) == tmp_path / "npm" / "oxigraph-0.5.11.tgz"
    assert cached_path(package, tmp_path).read_bytes() == data
    assert [p.name for p in (tmp_path / "npm").iterdir()] == ["oxigraph-0.5.11.tgz"]


def test_a_cached_copy_is_used_without_network(tmp_path: Path) -> None:
    data = tarball(ENGINE_FILES)
    package = package_for(data)
    fetch(package, tmp_path, FakeRegistry(data))
    offline = FakeRegistry(None)
    assert fetch(package, tmp_path, offline) == data
    assert offline.calls == []


def test_a_tampered_tarball_is_refused_and_not_cached(tmp_path: Path) -> None:
    data = tarball(ENGINE_FILES)
    package = package_for(data)
    tampered = tarball({**ENGINE_FILES, "package/web.js": b"alert('pwned')\n"})
    with pytest.raises(VendorError) as raised:
        fetch(package, tmp_path, FakeRegistry(tampered))
    message = str(raised.value)
    assert message.startswith(f"npm package oxigraph 0.5.11 from {URL}: integrity mismatch")
    assert package.integrity in message and integrity_of(tampered) in message
    assert "\n" not in message
    assert not cached_path(package, tmp_path).exists()


def test_a_tampered_cached_copy_is_refused(tmp_path: Path) -> None:
    data = tarball(ENGINE_FILES)
    package = package_for(data)
    cached = cached_path(package, tmp_path)
    cached.parent.mkdir(parents=True)
    cached.write_bytes(data[:-1] + bytes([data[-1] ^ 1]))
    with pytest.raises(VendorError, match=r"oxigraph-0\.5\.11\.tgz: integrity mismatch.*delete"):
        fetch(package, tmp_path, FakeRegistry(data))


def test_no_cache_and_no_network_is_one_line_naming_package_version_and_url(
    tmp_path: Path,
) -> None:
    package = package_for(b"anything")
    with pytest.raises(VendorError) as raised:
        fetch(package, tmp_path, FakeRegistry(None))
    message = str(raised.value)
    assert message.startswith(f"cannot fetch npm package oxigraph 0.5.11 from {URL}: ")
    assert "name resolution" in message and "no cached copy" in message
    assert "\n" not in message


def test_unpack_writes_the_listed_files_and_a_license_notice(tmp_path: Path) -> None:
    data = tarball(ENGINE_FILES)
    package = package_for(data)
    written = unpack(package, data, tmp_path / "engine")
    names = [p.name for p in written]
    assert names == ["web.js", "web_bg.wasm", "package.json", "README.md", "LICENSE.txt"]
    for name in ("web.js", "web_bg.wasm", "package.json", "README.md"):
        assert (tmp_path / "engine" / name).read_bytes() == ENGINE_FILES[f"package/{name}"]
    assert not (tmp_path / "engine" / "node.js").exists()
    notice = (tmp_path / "engine" / "LICENSE.txt").read_text(encoding="utf-8")
    assert notice.startswith(f"oxigraph 0.5.11, from the npm registry ({URL})")
    assert "License: MIT OR Apache-2.0" in notice


def test_unpack_names_a_file_the_tarball_lacks(tmp_path: Path) -> None:
    data = tarball({"package/web.js": b"x"})
    with pytest.raises(VendorError, match=r"oxigraph 0\.5\.11 .*has no file 'web_bg\.wasm'"):
        unpack(package_for(data), data, tmp_path)


@pytest.mark.parametrize(
    "name",
    ["../evil.js", "package/../../evil.js", "/etc/evil.js", "package/a/../../../evil.js"],
)
def test_members_that_leave_the_folder_are_refused(tmp_path: Path, name: str) -> None:
    data = tarball({**ENGINE_FILES, name: b"evil"})
    target = tmp_path / "deep" / "engine"
    with pytest.raises(VendorError, match="unsafe path in the tarball"):
        unpack(package_for(data), data, target)
    assert not target.exists()
    assert not list(tmp_path.rglob("evil.js"))


def test_links_are_refused(tmp_path: Path) -> None:
    data = tarball(ENGINE_FILES, links={"package/web.js.map": "/etc/passwd"})
    with pytest.raises(VendorError, match="not a regular file in the tarball"):
        unpack(package_for(data), data, tmp_path / "engine")
    assert not (tmp_path / "engine").exists()


def test_safe_members_lists_regular_files_by_normalised_name(tmp_path: Path) -> None:
    path = tmp_path / "t.tgz"
    path.write_bytes(tarball({"package/./web.js": b"a", "package/web_bg.wasm": b"b"}))
    with tarfile.open(path) as archive:
        assert sorted(safe_members(archive, "test")) == ["package/web.js", "package/web_bg.wasm"]


def test_a_file_that_is_no_tarball_is_an_error(tmp_path: Path) -> None:
    data = b"<html>not found</html>"
    with pytest.raises(VendorError, match="not a readable tarball"):
        unpack(package_for(data), data, tmp_path)
