"""The child process that runs a student's code: ``python -m labs.sandbox.worker``.

It reads one request frame at a time on one pipe (``labs.sandbox.wire``), runs the
contract's probe (one the contract registered with ``@probe``; ``repeat``: that many times,
in this process) on the student's module, and writes one answer frame, echoing the
request's id, on another pipe. The pipes' numbers come in ``LABS_CHANNEL``, removed from the
environment before any of the student's code runs (never in ``argv``); the paths the audit
hook guards come in the first request, never in the environment. The student's own stdin,
stdout and stderr are not those pipes, so printing or reading input cannot corrupt them.
"""
from __future__ import annotations

import importlib.util
import os
import socket
import sys
import traceback
from pathlib import Path

from labs.sandbox import wire
from labs.suite.contract import (Implementation, MissingFunction, UnknownProbe, load_contract,
                                 probe_named, read_mapping, run_probe)
from labs.sandbox.notebook import convert, find_notebook  # before the student's path
from labs.sandbox.own_code import course_imports


def _where(error: BaseException, folder: Path) -> str:
    """' in perceptron.py line 12' for the innermost frame in the student's files."""
    frames = [f for f in traceback.extract_tb(error.__traceback__)  # not "<frozen ...>"
              if f.filename and not f.filename.startswith("<")
              and Path(f.filename).resolve().is_relative_to(folder)]
    if not frames:
        return ""
    frame = frames[-1]
    return f" in {Path(frame.filename).resolve().relative_to(folder)} line {frame.lineno}"


def _describe(error: BaseException, folder: Path) -> dict:
    if isinstance(error, MissingFunction):
        return {"kind": "missing", "name": error.name, "message": str(error)}
    if isinstance(error, UnknownProbe):  # the grader's request, not the student's code
        return {"kind": "probe", "message": str(error)}
    if isinstance(error, SyntaxError):
        name = Path(error.filename or "?").name
        return {"kind": "syntax",
                "message": f"{type(error).__name__} in {name} line {error.lineno}: {error.msg}"}
    if isinstance(error, CourseImport):
        return {"kind": "policy", "message": str(error)}
    if isinstance(error, MemoryError):
        return {"kind": "memory", "message": "the submission ran out of memory (MemoryError)"}
    if isinstance(error, SystemExit):
        return {"kind": "exit",
                "message": f"the submission called sys.exit({error.code!r}) before returning"}
    message = str(error)[:500]
    return {"kind": "exception",
            "message": f"{type(error).__name__}{_where(error, folder)}: {message}"}


def _guard(project: str | None, extra: list[str]) -> None:
    """An audit hook (permanent once added): no network socket, no open() of grader files
    (the project's entries, and ``extra``).

    The jail (``labs.sandbox.jail``) enforces both through the OS where it runs; this layer
    holds everywhere else, against anything short of ``ctypes``.
    """
    from labs.sandbox.jail import hidden_paths

    hidden = tuple(str(p) for p in hidden_paths(Path(project) if project else None, extra,
                                                [Path(p) for p in sys.path if p]))

    def hook(event: str, args: tuple) -> None:
        if event in _NETWORK_EVENTS:
            family = getattr(args[0], "family", None) if args else None
            if family != socket.AF_UNIX:
                raise PermissionError(
                    f"network access is blocked in the grader's sandbox ({event})")
        elif event == "open" and hidden and isinstance(args[0], (str, bytes)):
            path = os.path.realpath(os.fsdecode(args[0]))  # through links too
            if path.startswith(hidden) and any(path == h or path.startswith(h + os.sep)
                                               for h in hidden):
                raise PermissionError(f"the grader's files are not readable here: {path}")

    sys.addaudithook(hook)


_NETWORK_EVENTS = {"socket.connect", "socket.bind", "socket.sendto", "socket.sendmsg",
                   "socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr"}


class CourseImport(ImportError):
    """Refused before the submission is imported: it imports ``labs``, or its
    ``submission.toml`` names something other than a file of the folder."""


class _Loader:
    def __init__(self, folder: Path, contract_path: str):
        self.folder = folder
        self.contract = load_contract(contract_path)
        self.notes: list[str] = []  # sent back once, what loading left out
        self.impl: Implementation | None = None

    def implementation(self) -> Implementation:
        if self.impl is None:
            try:
                module_name, names = read_mapping(self.folder, self.contract.MODULE)
            except ValueError as error:
                raise CourseImport(str(error)) from None
            filename = f"{module_name}.py"
            # a notebook in place of the module, converted here, in the child
            notebook = find_notebook(self.folder, module_name, names.pop("notebook", None))
            if notebook is not None:
                converted = convert(notebook)
                (self.folder / filename).write_text(converted.source, encoding="utf-8")
                self.notes.append(converted.note(filename))
            if not (self.folder / filename).is_file():
                raise MissingFunction("module", f"the submission has no file {filename}")
            imports = course_imports(self.folder)
            if imports:
                raise CourseImport("the submission imports the course's own package `labs` "
                                   f"(the reference implementation): {imports[0]}; a "
                                   "submission must be the student's own code")
            self.impl = Implementation(_load_file(self.folder / filename, module_name),
                                       filename, names)
        return self.impl


def _load_file(path: Path, name: str):
    """Import the student's file itself (a folder or a link of the same name never wins)."""
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        sys.modules.pop(name, None)
        raise
    return module


def _drop_project_finders() -> None:
    """An editable install of the project adds an import hook that finds ``labs.*`` in the
    project folder; the child may import only the worker tree on its ``PYTHONPATH``."""
    sys.meta_path[:] = [finder for finder in sys.meta_path
                        if "__editable__" not in getattr(finder, "__module__", "")]
    sys.path_hooks[:] = [hook for hook in sys.path_hooks
                         if "__editable__" not in getattr(hook, "__module__", "")]
    sys.path_importer_cache.clear()


def _read(stream) -> dict | None:
    """The next request frame, or None at the end of the stream."""
    header = stream.read(wire.HEADER.size)
    if len(header) < wire.HEADER.size:
        return None
    envelope, payload = wire.frame_sizes(header)
    return wire.decode_frame(header + stream.read(envelope + payload))


def main(argv: list[str]) -> int:
    folder, contract_path = argv
    folder = Path(folder).resolve()
    request_fd, response_fd = (int(n) for n in os.environ.pop("LABS_CHANNEL").split(","))
    requests = os.fdopen(request_fd, "rb")
    responses = os.fdopen(response_fd, "wb")
    _drop_project_finders()
    loader = _Loader(folder, contract_path)  # trusted imports happen before the student's path
    hello = _read(requests)
    if hello is None:
        return 0
    _guard(hello["project"], list(hello["hide"]))
    sys.path.insert(0, str(folder))
    # ready: the trusted start-up (interpreter, jail, contract and its libraries) is over;
    # the parent's per-call clock starts now, for the student's code alone
    responses.write(wire.encode({"id": hello["id"], "ready": True}))
    responses.flush()
    while (request := _read(requests)) is not None:
        try:
            # only a probe the contract registered runs, whatever name the request carries
            probe = probe_named(loader.contract, str(request["probe"]))
            result = run_probe(probe, loader.implementation(), request["args"],
                               request["kwargs"], request.get("repeat"))
            answer = {"ok": result, **({"notes": loader.notes} if loader.notes else {})}
            frame = wire.encode({"id": request["id"], **answer})  # notebook notes
        except BaseException as error:  # noqa: B036 - everything a student can raise is reported
            frame = wire.encode({"id": request["id"], "error": _describe(error, folder)})
        responses.write(frame)
        responses.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
