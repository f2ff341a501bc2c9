#!/usr/bin/env python3
"""The reference reading of a message for the `parse --json` contract, from Python's `email` package.

Prints one JSON line per .eml argument (keys as in shared/contracts/parse-json.md), read with
policy.default: body selection by `get_body`, attachments by the contract's rules, addresses by
headerregistry, dates by email.utils. It never stops on a message: a field it cannot read is null
and listed in `_unreliable`, and so is a field where Python is known to be unreliable (broken
MIME structure, undecodable bytes, unknown charsets, repaired base64). Stdlib only.

usage: scripts/parse-reference.py FILE.eml...
       scripts/parse-reference.py --write-expected FILE.eml...   (golden files: writes FILE.json beside
       each .eml that has none yet, contract fields only, for review by hand)
"""
import email
import email.errors as errors
import email.utils
import json
import re
import sys
from email import policy

STRUCTURE_DEFECTS = (
    errors.NoBoundaryInMultipartDefect, errors.StartBoundaryNotFoundDefect, errors.CloseBoundaryNotFoundDefect,
    errors.MultipartInvariantViolationDefect, errors.InvalidMultipartContentTransferEncodingDefect,
    errors.MissingHeaderBodySeparatorDefect, errors.MisplacedEnvelopeHeaderDefect, errors.FirstHeaderLineIsContinuationDefect,
)
PAYLOAD_DEFECTS = (errors.InvalidBase64PaddingDefect, errors.InvalidBase64CharactersDefect,
                   errors.InvalidBase64LengthDefect)
HEADER_VALUE_DEFECTS = (errors.CharsetError,)
ADDRESS_FIELDS = {"from": "from", "to": "to", "cc": "cc", "reply_to": "reply-to"}
SURROGATES = re.compile("[\udc80-\udcff]")
MSG_ID = re.compile(r"<([^<>]*)>")


class Reading:
    def __init__(self, path):
        self.out = {"file": path}
        self.unreliable = set()

    def field(self, key, compute, fallback=None):
        try:
            self.out[key] = compute()
        except Exception as error:  # the oracle must survive every message
            self.out[key] = fallback
            self.unreliable.add(key)
            self.out.setdefault("_errors", []).append("%s: %s: %s" % (key, type(error).__name__, error))


def repair(text, reading, key):
    """Raw 8-bit header bytes arrive as surrogate escapes: read them as UTF-8 (RFC 6532), else cp1252."""
    if text is None or not SURROGATES.search(text):
        return text
    raw = text.encode("utf-8", "surrogateescape")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        reading.unreliable.add(key)
        return raw.decode("cp1252", "replace")


def collapse(text):
    return None if text is None else " ".join(text.split())


def raw_header_values(raw_head, name):
    """The raw bytes of every occurrence of header `name`, unfolded (for 8-bit checks)."""
    values, current = [], None
    for line in re.split(rb"\r?\n", raw_head):
        if line[:1] in (b" ", b"\t") and current is not None:
            current += line
            continue
        if current is not None:
            values.append(current)
            current = None
        head, sep, rest = line.partition(b":")
        if sep and head.strip().lower() == name.encode():
            current = rest
    if current is not None:
        values.append(current)
    return values


def header_is_clean(msg, raw_head, name):
    for raw in raw_header_values(raw_head, name):
        if re.search(rb"[\x80-\xff]", raw):
            try:
                raw.decode("utf-8")
            except UnicodeDecodeError:
                return False
    for header in msg.get_all(name) or []:
        if any(isinstance(d, HEADER_VALUE_DEFECTS) for d in getattr(header, "defects", ())):
            return False
        if re.search(r"=\?[^?]*\?[^?]*\?", str(header)):  # an encoded-word Python could not decode
            return False
    return True


def mailboxes(msg, name, reading, key):
    result = []
    for header in msg.get_all(name) or []:
        for address in header.addresses:
            result.append({"name": repair(address.display_name, reading, key) or "",
                           "address": repair(address.addr_spec, reading, key)})
    return result


def first_id(value):
    if value is None:
        return None
    found = MSG_ID.search(str(value))
    if found:
        return found.group(1).strip()
    stripped = str(value).strip()
    return stripped.split()[0] if stripped else None


def date_of(msg):
    raw = msg.get("date")
    if raw is None:
        return None
    try:
        when = email.utils.parsedate_to_datetime(str(raw))
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:  # no zone or -0000: UTC
        return when.strftime("%Y-%m-%dT%H:%M:%SZ")
    return when.isoformat()


def best_effort(payload):
    """Mislabelled or unknown charsets: UTF-8 if the bytes are UTF-8, else cp1252 (a Latin-1 superset)."""
    try:
        return payload.decode("utf-8")
    except UnicodeDecodeError:
        return payload.decode("cp1252", "replace")


def text_of(part, reading, key):
    payload = part.get_payload(decode=True) or b""
    charset = part.get_content_charset() or "us-ascii"
    try:
        text = payload.decode(charset)
    except LookupError:
        reading.unreliable.add(key)
        return best_effort(payload)
    except UnicodeDecodeError:
        reading.unreliable.add(key)
        replaced = payload.decode(charset, "replace")
        # A few bad bytes in a real multibyte text: keep the charset. Many: the label is wrong.
        if replaced.count("\ufffd") > max(2, len(replaced) // 100):
            return best_effort(payload)
        text = replaced
    if text.startswith("\ufeff"):
        text = text[1:]
    return text


def attachments_of(msg, bodies):
    found = []

    def visit(part, parent_type):
        ctype = part.get_content_type()
        if part.get_content_maintype() == "multipart" and part.is_multipart():
            for child in part.get_payload():
                visit(child, ctype)
            return
        if any(part is body for body in bodies):
            return
        filename = part.get_filename()
        is_attachment = part.get_content_disposition() == "attachment"
        if not (is_attachment or filename is not None):
            if ctype in ("text/plain", "text/html"):
                return
            if parent_type == "multipart/alternative":
                return
        if part.get_content_maintype() == "message":
            size = None
        else:
            size = len(part.get_payload(decode=True) or b"")
        found.append({"filename": filename, "content_type": ctype, "size_bytes_decoded": size})

    visit(msg, None)
    return found


def all_defects(msg):
    defects = list(msg.defects)
    for part in msg.walk():
        if part is not msg:
            defects.extend(part.defects)
    return defects


def read(path):
    reading = Reading(path)
    with open(path, "rb") as handle:
        data = handle.read()
    msg = email.message_from_bytes(data, policy=policy.default)
    split = re.search(rb"\r?\n\r?\n", data)
    raw_head = data[:split.start()] if split else data

    def single(name, key):
        if not header_is_clean(msg, raw_head, name):
            reading.unreliable.add(key)
        value = msg.get(name)
        if value is None:
            return None
        raw = raw_header_values(raw_head, name)
        if raw and re.search(rb"[\x80-\xff]", raw[0]):
            # Python replaces raw 8-bit bytes in unstructured headers by U+FFFD; read them as
            # UTF-8 (RFC 6532), else as cp1252, then decode encoded-words as Python does.
            text = repair(raw[0].decode("ascii", "surrogateescape"), reading, key)
            return str(policy.default.header_factory(name, " ".join(re.split(r"\r?\n", text)).strip()))
        return repair(str(value), reading, key)

    reading.field("subject", lambda: single("subject", "subject"))
    for key, name in ADDRESS_FIELDS.items():
        if not header_is_clean(msg, raw_head, name):
            reading.unreliable.add(key)
        reading.field(key, lambda key=key, name=name: mailboxes(msg, name, reading, key), [])
    reading.field("message_id", lambda: first_id(msg.get("message-id")))
    reading.field("in_reply_to", lambda: first_id(msg.get("in-reply-to")))
    reading.field("references", lambda: [m.strip() for h in (msg.get_all("references") or [])
                                         for m in MSG_ID.findall(str(h))], [])
    reading.field("date", lambda: date_of(msg))

    plain = html = None
    try:
        plain = msg.get_body(preferencelist=("plain",))
        html = msg.get_body(preferencelist=("html",))
    except Exception as error:
        reading.unreliable.update(["text_body", "html_present", "attachments"])
        reading.out.setdefault("_errors", []).append("get_body: %s" % error)
    reading.field("text_body", lambda: None if plain is None else text_of(plain, reading, "text_body"))
    reading.field("html_present", lambda: html is not None, False)
    reading.field("attachments", lambda: attachments_of(msg, [b for b in (plain, html) if b is not None]), [])
    reading.field("auto_submitted", lambda: collapse(single("auto-submitted", "auto_submitted")))
    reading.field("precedence", lambda: collapse(single("precedence", "precedence")))

    if data.startswith(b"\xef\xbb\xbf"):  # Python reads the first line as a non-header: all is body
        reading.unreliable.update(FIELDS)
    defects = all_defects(msg)
    if any(isinstance(d, STRUCTURE_DEFECTS) for d in defects):
        reading.unreliable.update(["text_body", "html_present", "attachments"])
    if any(isinstance(d, PAYLOAD_DEFECTS) for d in defects):
        reading.unreliable.update(["text_body", "attachments"])
    reading.out["defects"] = sorted({type(d).__name__ for d in defects})
    reading.out["_unreliable"] = sorted(reading.unreliable)
    return reading.out


FIELDS = ["subject", "from", "to", "cc", "reply_to", "message_id", "in_reply_to", "references", "date",
          "text_body", "html_present", "attachments", "auto_submitted", "precedence"]


def expected_json(reading):
    """The golden-file form: the contract fields only, one per line, Unicode as is."""
    fields = {key: reading.get(key, [] if key in ("from", "to", "cc", "reply_to", "references", "attachments") else None)
              for key in FIELDS}
    return json.dumps(fields, ensure_ascii=False, indent=1) + "\n"


def main(arguments):
    write_expected = "--write-expected" in arguments
    for path in [a for a in arguments if a != "--write-expected"]:
        try:
            out = read(path)
        except Exception as error:
            out = {"file": path, "defects": [], "_unreliable": FIELDS, "_errors": ["%s: %s" % (type(error).__name__, error)]}
        if not write_expected:
            print(json.dumps(out, ensure_ascii=False))
            continue
        target = re.sub(r"\.eml$", "", path) + ".json"
        try:
            with open(target, "x", encoding="utf-8") as handle:
                handle.write(expected_json(out))
            print("wrote", target)
        except FileExistsError:
            print("kept", target, "(exists)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
