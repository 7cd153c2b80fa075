"""Small npm-like tarballs made in the tests, and a stand-in for ``urlopen``, so the fetcher
is tested without the network."""

from __future__ import annotations

import io
import tarfile
import urllib.error
from dataclasses import dataclass, field

from claimkb.pages.vendor import NpmPackage, integrity_of

#: The files of a stand-in engine package, as the npm tarball nests them.
ENGINE_FILES = {
    "package/web.js": b"export default async function init() {}\nexport class Store {}\n",
    "package/web_bg.wasm": b"\x00asm\x01\x00\x00\x00",
    "package/package.json": b'{"name": "oxigraph", "license": "MIT OR Apache-2.0"}\n',
    "package/README.md": b"# Oxigraph\n\n## License\n\nMIT or Apache-2.0, at your option.\n",
    "package/node.js": b"module.exports = {};\n",
}


def tarball(files: dict[str, bytes], links: dict[str, str] | None = None) -> bytes:
    """A gzipped tarball of ``files`` (member name → content) and symbolic ``links``
    (member name → target), members in the order given."""
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w:gz") as archive:
        for name, content in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(content)
            archive.addfile(info, io.BytesIO(content))
        for name, target in (links or {}).items():
            info = tarfile.TarInfo(name)
            info.type = tarfile.SYMTYPE
            info.linkname = target
            archive.addfile(info)
    return out.getvalue()


def package_for(data: bytes, **changes: object) -> NpmPackage:
    """The pinned entry of a stand-in ``oxigraph`` 0.5.11 whose integrity is that of
    ``data``."""
    fields: dict[str, object] = {
        "name": "oxigraph",
        "version": "0.5.11",
        "integrity": integrity_of(data),
        "license": "MIT OR Apache-2.0",
        "files": ["web.js", "web_bg.wasm", "package.json", "README.md"],
    }
    fields.update(changes)
    return NpmPackage.model_validate(fields)


@dataclass
class FakeRegistry:
    """Serves ``data`` for every URL, or fails like a machine without network."""

    data: bytes | None
    calls: list[str] = field(default_factory=list)

    def __call__(self, url: str, timeout: float = 0) -> io.BytesIO:
        self.calls.append(url)
        if self.data is None:
            raise urllib.error.URLError("[Errno -3] Temporary failure in name resolution")
        return io.BytesIO(self.data)
