"""The protobuf messages of an RRD stream (package ``rerun.log_msg.v1alpha1``), encoded and decoded by hand.

Field numbers follow /work/shared/specs/rrd-format.md section 4 (checked against the descriptors embedded in
Rerun 0.41). Only the fields Rerun writes or needs are modelled; unknown fields are skipped on read.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ._errors import RrdError
from ._wire import (
    FIXED64,
    LEN,
    VARINT,
    encode_varint,
    field_bytes,
    field_fixed64,
    field_str,
    field_varint,
    iter_fields,
)

# protobuf enums
STORE_KIND_RECORDING, STORE_KIND_BLUEPRINT = 1, 2
COMPRESSION_NONE, COMPRESSION_LZ4 = 1, 2
ENCODING_ARROW_IPC = 1
SOURCE_PYTHON_SDK, SOURCE_OTHER = 2, 6

_KIND_NAMES = {STORE_KIND_RECORDING: "recording", STORE_KIND_BLUEPRINT: "blueprint"}


def _check(wire: int, want: int, num: int, what: str, offset: int) -> None:
    if wire != want:
        names = {VARINT: "varint", FIXED64: "fixed64", LEN: "length-delimited", 5: "fixed32"}
        raise RrdError(f"field {num} of {what} has wire type {names.get(wire, wire)}", offset=offset,
                       expected=names[want])


def _utf8(value: memoryview, what: str, offset: int) -> str:
    try:
        return bytes(value).decode("utf-8")
    except UnicodeDecodeError as err:
        raise RrdError(f"{what} is not valid UTF-8 ({err.reason})", offset=offset + err.start,
                       expected="UTF-8 text") from None


@dataclass(frozen=True)
class StoreId:
    """Identity of one store (a recording or a blueprint) inside a stream."""

    kind: int
    application_id: str
    recording_id: str

    @property
    def kind_name(self) -> str:
        """``"recording"``, ``"blueprint"`` or ``"unknown(<n>)"``."""
        return _KIND_NAMES.get(self.kind, f"unknown({self.kind})")

    def encode(self) -> bytes:
        return (field_varint(1, self.kind) + field_str(2, self.recording_id)
                + field_bytes(3, field_str(1, self.application_id)))

    @classmethod
    def decode(cls, buf: memoryview, base: int) -> StoreId:
        kind, rec_id, app_id = 0, "", ""
        for num, wire, value, off in iter_fields(buf, base, "StoreId"):
            if num == 1:
                _check(wire, VARINT, num, "StoreId", off)
                kind = value
            elif num == 2:
                _check(wire, LEN, num, "StoreId", off)
                rec_id = _utf8(value, "StoreId.recording_id", off)
            elif num == 3:
                _check(wire, LEN, num, "StoreId", off)
                for n2, w2, v2, o2 in iter_fields(value, off, "ApplicationId"):
                    if n2 == 1:
                        _check(w2, LEN, n2, "ApplicationId", o2)
                        app_id = _utf8(v2, "ApplicationId.id", o2)
        return cls(kind, app_id, rec_id)


def encode_tuid(num: int, tuid: tuple[int, int]) -> bytes:
    return field_bytes(num, field_fixed64(1, tuid[0]) + field_fixed64(2, tuid[1]))


def decode_tuid(buf: memoryview, base: int) -> tuple[int, int]:
    time_ns, inc = 0, 0
    for num, wire, value, off in iter_fields(buf, base, "Tuid"):
        if num in (1, 2):
            _check(wire, FIXED64, num, "Tuid", off)
            if num == 1:
                time_ns = value
            else:
                inc = value
    return time_ns, inc


def version_bits(major: int, minor: int, patch: int, meta: int = 0) -> int:
    """Rerun's ``CrateVersion`` packed as a little-endian u32 of ``[major, minor, patch, meta]``."""
    return major | minor << 8 | patch << 16 | meta << 24


@dataclass
class SetStoreInfo:
    """Announces a store: who wrote it and with what version."""

    row_id: tuple[int, int]
    store_id: StoreId
    source_kind: int = SOURCE_OTHER
    source_extra: bytes = b""
    version_bits: int | None = None

    def encode(self) -> bytes:
        source = field_varint(1, self.source_kind)
        if self.source_extra:
            source += field_bytes(2, field_bytes(1, self.source_extra))
        info = field_bytes(2, self.store_id.encode()) + field_bytes(5, source)
        if self.version_bits is not None:
            info += field_bytes(6, field_varint(1, self.version_bits))
        return encode_tuid(1, self.row_id) + field_bytes(2, info)

    @classmethod
    def decode(cls, buf: memoryview, base: int) -> SetStoreInfo:
        row_id, store_id, src_kind, src_extra, vbits = None, None, 0, b"", None
        for num, wire, value, off in iter_fields(buf, base, "SetStoreInfo"):
            if num == 1:
                _check(wire, LEN, num, "SetStoreInfo", off)
                row_id = decode_tuid(value, off)
            elif num == 2:
                _check(wire, LEN, num, "SetStoreInfo", off)
                for n2, w2, v2, o2 in iter_fields(value, off, "StoreInfo"):
                    if n2 == 2:
                        _check(w2, LEN, n2, "StoreInfo", o2)
                        store_id = StoreId.decode(v2, o2)
                    elif n2 == 5:
                        _check(w2, LEN, n2, "StoreInfo", o2)
                        for n3, w3, v3, o3 in iter_fields(v2, o2, "StoreSource"):
                            if n3 == 1 and w3 == VARINT:
                                src_kind = v3
                            elif n3 == 2 and w3 == LEN:
                                for n4, w4, v4, _ in iter_fields(v3, o3, "StoreSourceExtra"):
                                    if n4 == 1 and w4 == LEN:
                                        src_extra = bytes(v4)
                    elif n2 == 6:
                        _check(w2, LEN, n2, "StoreInfo", o2)
                        for n3, w3, v3, _ in iter_fields(v2, o2, "StoreVersion"):
                            if n3 == 1 and w3 == VARINT:
                                vbits = v3 & 0xFFFFFFFF
        if store_id is None:
            raise RrdError("SetStoreInfo has no StoreInfo.store_id", offset=base,
                           expected="a StoreInfo with field 2 (store_id)")
        return cls(row_id or (0, 0), store_id, src_kind, src_extra, vbits)


@dataclass
class ArrowMsg:
    """One chunk: an Arrow IPC stream (possibly LZ4 block-compressed) tagged with its store."""

    store_id: StoreId
    payload: bytes | memoryview
    compression: int = COMPRESSION_NONE
    uncompressed_size: int = 0
    chunk_id: tuple[int, int] | None = None
    is_static: bool | None = None
    encoding: int = ENCODING_ARROW_IPC
    payload_offset: int = 0  # absolute file offset of the payload (decode only; for error messages)

    def encode_parts(self) -> list:
        """The encoding as ``[prefix, payload, suffix]``, so a large payload is never copied."""
        out = field_bytes(1, self.store_id.encode())
        if self.chunk_id is not None:
            out += encode_tuid(6, self.chunk_id)
        out += field_varint(2, self.compression) + field_varint(3, self.uncompressed_size)
        out += field_varint(4, self.encoding) + encode_varint(5 << 3 | LEN) + encode_varint(len(self.payload))
        suffix = field_varint(7, int(self.is_static)) if self.is_static is not None else b""
        return [out, self.payload, suffix]

    def encode(self) -> bytes:
        return b"".join(bytes(p) for p in self.encode_parts())

    @classmethod
    def decode(cls, buf: memoryview, base: int) -> ArrowMsg:
        msg = cls(store_id=None, payload=b"", compression=0, encoding=0)  # type: ignore[arg-type]
        for num, wire, value, off in iter_fields(buf, base, "ArrowMsg"):
            if num == 1:
                _check(wire, LEN, num, "ArrowMsg", off)
                msg.store_id = StoreId.decode(value, off)
            elif num == 2:
                _check(wire, VARINT, num, "ArrowMsg", off)
                msg.compression = value
            elif num == 3:
                _check(wire, VARINT, num, "ArrowMsg", off)
                msg.uncompressed_size = value
            elif num == 4:
                _check(wire, VARINT, num, "ArrowMsg", off)
                msg.encoding = value
            elif num == 5:
                _check(wire, LEN, num, "ArrowMsg", off)
                msg.payload, msg.payload_offset = value, off
            elif num == 6:
                _check(wire, LEN, num, "ArrowMsg", off)
                msg.chunk_id = decode_tuid(value, off)
            elif num == 7:
                _check(wire, VARINT, num, "ArrowMsg", off)
                msg.is_static = bool(value)
        if msg.store_id is None:
            raise RrdError("ArrowMsg has no store_id", offset=base, expected="field 1 (store_id)")
        if msg.encoding != ENCODING_ARROW_IPC:
            raise RrdError(f"ArrowMsg has unsupported encoding {msg.encoding}", offset=base,
                           expected="encoding 1 (Arrow IPC)")
        return msg


@dataclass
class BlueprintActivationCommand:
    """Tells a viewer to activate a blueprint store (sent after its chunks)."""

    blueprint_id: StoreId
    make_active: bool = False
    make_default: bool = True

    def encode(self) -> bytes:
        out = field_bytes(1, self.blueprint_id.encode())
        if self.make_active:
            out += field_varint(2, 1)
        if self.make_default:
            out += field_varint(3, 1)
        return out

    @classmethod
    def decode(cls, buf: memoryview, base: int) -> BlueprintActivationCommand:
        store_id, active, default = None, False, False
        for num, wire, value, off in iter_fields(buf, base, "BlueprintActivationCommand"):
            if num == 1:
                _check(wire, LEN, num, "BlueprintActivationCommand", off)
                store_id = StoreId.decode(value, off)
            elif num == 2 and wire == VARINT:
                active = bool(value)
            elif num == 3 and wire == VARINT:
                default = bool(value)
        if store_id is None:
            raise RrdError("BlueprintActivationCommand has no blueprint_id", offset=base,
                           expected="field 1 (blueprint_id)")
        return cls(store_id, active, default)


@dataclass
class RrdManifest:
    """Per-store index of the chunks in a file (the footer)."""

    store_id: StoreId
    schema_ipc: bytes
    schema_sha256: bytes
    data_payload: bytes
    data_compression: int = COMPRESSION_LZ4
    data_uncompressed_size: int = 0

    def encode(self) -> bytes:
        part = (field_varint(1, 1) + field_bytes(2, self.data_payload) + field_varint(3, self.data_compression)
                + field_varint(4, self.data_uncompressed_size))
        return (field_bytes(1, self.store_id.encode()) + field_bytes(2, field_bytes(1, self.schema_ipc))
                + field_bytes(3, self.schema_sha256) + field_bytes(4, part))

    @classmethod
    def decode(cls, buf: memoryview, base: int) -> RrdManifest:
        m = cls(None, b"", b"", b"", 0, 0)  # type: ignore[arg-type]
        for num, wire, value, off in iter_fields(buf, base, "RrdManifest"):
            if wire != LEN:
                continue
            if num == 1:
                m.store_id = StoreId.decode(value, off)
            elif num == 2:
                for n2, w2, v2, _ in iter_fields(value, off, "Schema"):
                    if n2 == 1 and w2 == LEN:
                        m.schema_ipc = bytes(v2)
            elif num == 3:
                m.schema_sha256 = bytes(value)
            elif num == 4:
                for n2, w2, v2, _ in iter_fields(value, off, "DataframePart"):
                    if n2 == 2 and w2 == LEN:
                        m.data_payload = bytes(v2)
                    elif n2 == 3 and w2 == VARINT:
                        m.data_compression = v2
                    elif n2 == 4 and w2 == VARINT:
                        m.data_uncompressed_size = v2
        return m


@dataclass
class RrdFooter:
    manifests: list[RrdManifest] = field(default_factory=list)

    def encode(self) -> bytes:
        return b"".join(field_bytes(1, m.encode()) for m in self.manifests)

    @classmethod
    def decode(cls, buf: memoryview, base: int) -> RrdFooter:
        out = cls()
        for num, wire, value, off in iter_fields(buf, base, "RrdFooter"):
            if num == 1 and wire == LEN:
                out.manifests.append(RrdManifest.decode(value, off))
        return out
