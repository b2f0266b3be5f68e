"""The protobuf messages of an RRD stream (package ``rerun.log_msg.v1alpha1``), on the generated classes.

The wire format comes from `rerun_nb._proto` (generated from .proto files written from
/work/shared/specs/rrd-format.md section 4, the same classes the gRPC transport uses). These small
dataclasses are the codec's view of them: plain Python values, plus ``encode``/``decode`` that turn protobuf
errors into `RrdError` naming the message's byte offset. Unknown fields are skipped on read.

One thing is not left to protobuf: an ArrowMsg payload (megabytes). The writer emits it as its own part,
after the other fields, so it is never copied (`ArrowMsg.encode_parts`; protobuf readers accept fields in any
order), and the reader finds its span with a scan of the top-level tags (`field_span`) and hands it on as
a zero-copy memoryview while protobuf parses the rest: upb would copy it, which measured about 5 ms per
3.2 MB chunk (bench/bench_rrd.py, pointcloud read).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from google.protobuf.message import DecodeError

from .._proto import common_pb2, log_msg_pb2
from ._errors import RrdError

# protobuf enums
STORE_KIND_RECORDING, STORE_KIND_BLUEPRINT = 1, 2
COMPRESSION_NONE, COMPRESSION_LZ4 = 1, 2
ENCODING_ARROW_IPC = 1
SOURCE_PYTHON_SDK, SOURCE_OTHER = 2, 6

_KIND_NAMES = {STORE_KIND_RECORDING: "recording", STORE_KIND_BLUEPRINT: "blueprint"}
_PAYLOAD_TAG = b"\x2a"  # field 5, length-delimited


def _parse(cls, buf, base: int, what: str):
    try:
        return cls.FromString(buf)  # bytes or memoryview, parsed without a copy of the whole body
    except DecodeError as err:  # bad tags, lengths running past the end, invalid UTF-8 in strings
        raise RrdError(f"{what} body ({len(buf)} bytes) is not valid protobuf ({err})", offset=base,
                       expected=f"a protobuf-encoded {what}") from None


def _varint(value: int) -> bytes:
    out = bytearray()
    while value > 0x7F:
        out.append(value & 0x7F | 0x80)
        value >>= 7
    out.append(value)
    return bytes(out)


def _read_varint(buf, pos: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        if pos >= len(buf) or shift > 63:
            raise ValueError("varint runs past the end")
        byte = buf[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        if byte < 0x80:
            return value, pos
        shift += 7


def field_span(buf, number: int) -> tuple[int, int, int] | None:
    """(field start, value start, value end) of the one length-delimited field ``number`` in a message body;
    None if it is absent, repeated or the body is malformed (protobuf then parses the whole body and reports
    what is wrong)."""
    pos, span = 0, None
    try:
        while pos < len(buf):
            field_start = pos
            key, pos = _read_varint(buf, pos)
            wire = key & 7
            if wire == 0:
                _, pos = _read_varint(buf, pos)
            elif wire == 1:
                pos += 8
            elif wire == 5:
                pos += 4
            elif wire == 2:
                length, pos = _read_varint(buf, pos)
                if key >> 3 == number:
                    if span is not None:
                        return None
                    span = (field_start, pos, pos + length)
                pos += length
            else:
                return None
    except ValueError:
        return None
    return span if pos == len(buf) else None


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

    def to_pb(self) -> common_pb2.StoreId:
        return common_pb2.StoreId(kind=self.kind, recording_id=self.recording_id,
                                  application_id=common_pb2.ApplicationId(id=self.application_id))

    @classmethod
    def from_pb(cls, pb: common_pb2.StoreId) -> StoreId:
        return cls(int(pb.kind), pb.application_id.id, pb.recording_id)

    def encode(self) -> bytes:
        return self.to_pb().SerializeToString()

    @classmethod
    def decode(cls, buf, base: int) -> StoreId:
        return cls.from_pb(_parse(common_pb2.StoreId, buf, base, "StoreId"))


def _tuid_pb(tuid: tuple[int, int]) -> common_pb2.Tuid:
    return common_pb2.Tuid(time_ns=tuid[0], inc=tuid[1])


def version_bits(major: int, minor: int, patch: int, meta: int = 0) -> int:
    """Rerun's ``CrateVersion`` packed as a little-endian u32 of ``[major, minor, patch, meta]``."""
    return major | minor << 8 | patch << 16 | meta << 24


def python_version_extra(major: int, minor: int, patch: int) -> bytes:
    """``StoreSource.extra`` for a Python SDK source: a serialized ``PythonVersion``."""
    return log_msg_pb2.PythonVersion(major=major, minor=minor, patch=patch).SerializeToString()


@dataclass
class SetStoreInfo:
    """Announces a store: who wrote it and with what version."""

    row_id: tuple[int, int]
    store_id: StoreId
    source_kind: int = SOURCE_OTHER
    source_extra: bytes = b""
    version_bits: int | None = None

    def to_pb(self) -> log_msg_pb2.SetStoreInfo:
        info = log_msg_pb2.StoreInfo(store_id=self.store_id.to_pb(),
                                     store_source=log_msg_pb2.StoreSource(kind=self.source_kind))
        if self.source_extra:
            info.store_source.extra.payload = self.source_extra
        if self.version_bits is not None:
            bits = self.version_bits
            info.store_version.crate_version_bits = bits - (1 << 32) if bits >= 1 << 31 else bits  # int32 field
        return log_msg_pb2.SetStoreInfo(row_id=_tuid_pb(self.row_id), info=info)

    def encode(self) -> bytes:
        return self.to_pb().SerializeToString()

    @classmethod
    def from_pb(cls, pb: log_msg_pb2.SetStoreInfo, base: int = 0) -> SetStoreInfo:
        if not pb.info.HasField("store_id"):
            raise RrdError("SetStoreInfo has no StoreInfo.store_id", offset=base,
                           expected="a StoreInfo with field 2 (store_id)")
        info = pb.info
        vbits = info.store_version.crate_version_bits & 0xFFFFFFFF if info.HasField("store_version") else None
        return cls((pb.row_id.time_ns, pb.row_id.inc), StoreId.from_pb(info.store_id), int(info.store_source.kind),
                   bytes(info.store_source.extra.payload), vbits)

    @classmethod
    def decode(cls, buf, base: int) -> SetStoreInfo:
        return cls.from_pb(_parse(log_msg_pb2.SetStoreInfo, buf, base, "SetStoreInfo"), base)


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
    payload_offset: int = 0  # absolute offset of the message body (decode only; for error messages)

    def encode_parts(self) -> list:
        """The encoding as ``[fields, payload tag + length, payload, is_static]``: the payload is never copied."""
        head = log_msg_pb2.ArrowMsg(store_id=self.store_id.to_pb(), compression=self.compression,
                                    uncompressed_size=self.uncompressed_size, encoding=self.encoding)
        if self.chunk_id is not None:
            head.chunk_id.CopyFrom(_tuid_pb(self.chunk_id))
        tail = b"" if self.is_static is None else log_msg_pb2.ArrowMsg(is_static=self.is_static).SerializeToString()
        return [head.SerializeToString(), _PAYLOAD_TAG + _varint(len(self.payload)), self.payload, tail]

    def encode(self) -> bytes:
        return b"".join(bytes(p) for p in self.encode_parts())

    @classmethod
    def from_pb(cls, pb: log_msg_pb2.ArrowMsg, base: int = 0, payload=None, payload_offset: int | None = None
                ) -> ArrowMsg:
        if not pb.HasField("store_id"):
            raise RrdError("ArrowMsg has no store_id", offset=base, expected="field 1 (store_id)")
        if pb.encoding != ENCODING_ARROW_IPC:
            raise RrdError(f"ArrowMsg has unsupported encoding {pb.encoding}", offset=base,
                           expected="encoding 1 (Arrow IPC)")
        chunk_id = (pb.chunk_id.time_ns, pb.chunk_id.inc) if pb.HasField("chunk_id") else None
        is_static = pb.is_static if pb.HasField("is_static") else None
        return cls(StoreId.from_pb(pb.store_id), pb.payload if payload is None else payload, int(pb.compression),
                   pb.uncompressed_size, chunk_id, is_static, int(pb.encoding),
                   base if payload_offset is None else payload_offset)

    @classmethod
    def decode(cls, buf, base: int) -> ArrowMsg:
        view = memoryview(buf)
        span = field_span(view, 5)
        if span is None or span[2] - span[1] < 4096:  # small or odd: protobuf alone
            return cls.from_pb(_parse(log_msg_pb2.ArrowMsg, view, base, "ArrowMsg"), base)
        field_start, start, end = span
        rest = bytes(view[:field_start]) + bytes(view[end:])
        return cls.from_pb(_parse(log_msg_pb2.ArrowMsg, rest, base, "ArrowMsg"), base, view[start:end], base + start)


@dataclass
class BlueprintActivationCommand:
    """Tells a viewer to activate a blueprint store (sent after its chunks)."""

    blueprint_id: StoreId
    make_active: bool = False
    make_default: bool = True

    def encode(self) -> bytes:
        return log_msg_pb2.BlueprintActivationCommand(blueprint_id=self.blueprint_id.to_pb(),
                                                      make_active=self.make_active,
                                                      make_default=self.make_default).SerializeToString()

    @classmethod
    def decode(cls, buf, base: int) -> BlueprintActivationCommand:
        pb = _parse(log_msg_pb2.BlueprintActivationCommand, buf, base, "BlueprintActivationCommand")
        if not pb.HasField("blueprint_id"):
            raise RrdError("BlueprintActivationCommand has no blueprint_id", offset=base,
                           expected="field 1 (blueprint_id)")
        return cls(StoreId.from_pb(pb.blueprint_id), pb.make_active, pb.make_default)


@dataclass
class RrdManifest:
    """Per-store index of the chunks in a file (the footer)."""

    store_id: StoreId
    schema_ipc: bytes
    schema_sha256: bytes
    data_payload: bytes
    data_compression: int = COMPRESSION_LZ4
    data_uncompressed_size: int = 0

    def to_pb(self) -> log_msg_pb2.RrdManifest:
        part = common_pb2.DataframePart(encoder_version=common_pb2.ENCODER_VERSION_V0, payload=self.data_payload,
                                        compression=self.data_compression,
                                        uncompressed_size=self.data_uncompressed_size)
        return log_msg_pb2.RrdManifest(store_id=self.store_id.to_pb(),
                                       sorbet_schema=common_pb2.Schema(arrow_schema=self.schema_ipc),
                                       sorbet_schema_sha256=self.schema_sha256, data=part)

    def encode(self) -> bytes:
        return self.to_pb().SerializeToString()

    @classmethod
    def from_pb(cls, pb: log_msg_pb2.RrdManifest) -> RrdManifest:
        return cls(StoreId.from_pb(pb.store_id), pb.sorbet_schema.arrow_schema, pb.sorbet_schema_sha256,
                   pb.data.payload, int(pb.data.compression), pb.data.uncompressed_size)


@dataclass
class RrdFooter:
    manifests: list[RrdManifest] = field(default_factory=list)

    def encode(self) -> bytes:
        return log_msg_pb2.RrdFooter(manifests=[m.to_pb() for m in self.manifests]).SerializeToString()

    @classmethod
    def decode(cls, buf, base: int) -> RrdFooter:
        pb = _parse(log_msg_pb2.RrdFooter, buf, base, "RrdFooter")
        return cls([RrdManifest.from_pb(m) for m in pb.manifests])
