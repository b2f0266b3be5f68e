"""Rerun's protobuf messages (RRD file bodies and the gRPC log stream), shared by `rrd` and `grpc`.

Only ``google.protobuf`` is needed here (not grpcio). Message classes are generated from the .proto files beside them (do not edit the *_pb2 files).

Regenerate from the repository root after changing a .proto file (grpcio-tools, dev only)::

    python -m grpc_tools.protoc -I. --python_out=. --pyi_out=. \
        rerun_nb/_proto/common.proto rerun_nb/_proto/log_msg.proto rerun_nb/_proto/sdk_comms.proto

The import paths are `rerun_nb/_proto/...` (not Rerun's `rerun/v1alpha1/...`) so the generated modules
never clash with an installed `rerun` package; the protobuf package names, and so the wire format, are
Rerun's.
"""
