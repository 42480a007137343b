"""A local SMTP sink for the production smoke run: accepts every message on 127.0.0.1 and writes each
to a folder as a .eml file. Loopback only; stops on SIGTERM or Ctrl+C. Not for real mail.

    python tools/smtp_sink.py --port 8025 --folder var/mailbox
"""

import argparse
import asyncio
import time
from pathlib import Path


class Session:
    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, folder: Path) -> None:
        self.reader, self.writer, self.folder = reader, writer, folder

    async def reply(self, line: str) -> None:
        self.writer.write(f"{line}\r\n".encode())
        await self.writer.drain()

    async def run(self) -> None:
        await self.reply("220 senate-smtp-sink ready")
        while line := await self.reader.readline():
            verb = line.decode("latin-1").strip().split(" ", 1)[0].upper()
            if verb in {"EHLO", "HELO"}:
                await self.reply("250 senate-smtp-sink")
            elif verb in {"MAIL", "RCPT", "RSET", "NOOP"}:
                await self.reply("250 OK")
            elif verb == "DATA":
                await self.reply("354 End data with <CR><LF>.<CR><LF>")
                await self.receive()
            elif verb == "QUIT":
                await self.reply("221 Bye")
                break
            else:
                await self.reply("502 Command not implemented")
        self.writer.close()

    async def receive(self) -> None:
        lines: list[bytes] = []
        while (line := await self.reader.readline()) not in (b".\r\n", b".\n", b""):
            lines.append(line[1:] if line.startswith(b"..") else line)
        name = f"{time.time_ns()}.eml"
        (self.folder / name).write_bytes(b"".join(lines))
        await self.reply("250 OK: queued")


async def serve(port: int, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    server = await asyncio.start_server(lambda r, w: Session(r, w, folder).run(), "127.0.0.1", port)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=8025)
    parser.add_argument("--folder", type=Path, default=Path("var/mailbox"))
    arguments = parser.parse_args()
    try:
        asyncio.run(serve(arguments.port, arguments.folder))
    except KeyboardInterrupt:
        pass
