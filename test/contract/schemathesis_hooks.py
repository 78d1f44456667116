"""Schemathesis hooks of the contract run: values for the formats the API's document declares beyond JSON Schema's.

The document gives each of these fields its shape (a pattern) and names a format for what no pattern can say cheaply:
  - `insee-commune`: a current commune or municipal arrondissement of the official geographic code (35,000 codes);
  - `territory-key`: region:XX, department:XX, epci:SIREN or commune:XXXXX that exists in that code;
  - `phone`: a number that exists (the API checks it against the numbering plans, libphonenumber);
  - `email`: an address of the shape the participant directory accepts;
  - `past-date`: a calendar day that is not in the future for the run's pinned clock (2026-06-15).
A structure's postalCode must be one of its commune's postcodes (a rule across fields): `map_body` makes it so.
A valid value is drawn from these; an invalid one still comes from breaking the shape (400 either way).
The codes are the API's own, exported by test/contract/schemathesis.sh to CAFEIA_TERRITORY_CODES.
"""

import json
import os
from datetime import date

import schemathesis
from hypothesis import strategies as st

with open(os.environ["CAFEIA_TERRITORY_CODES"], encoding="utf-8") as handle:
    codes = json.load(handle)

schemathesis.openapi.format("insee-commune", st.sampled_from(codes["communes"]))
schemathesis.openapi.format("territory-key", st.sampled_from(codes["territories"]))
# French mobiles in ranges every one of whose numbers is allocated, written nationally or in E.164
schemathesis.openapi.format(
    "phone",
    st.from_regex(r"0(?:6[0-24-8]|7[3-8])[0-9]{7}", fullmatch=True).flatmap(lambda n: st.sampled_from([n, "+33" + n[1:]])),
)
schemathesis.openapi.format(
    "email",
    st.from_regex(r"[a-z0-9]{1,20}(?:[._-][a-z0-9]{1,10})?@[a-z0-9]{1,20}\.(?:fr|org|com|eu)", fullmatch=True),
)
schemathesis.openapi.format(
    "past-date",
    st.dates(min_value=date(2020, 1, 1), max_value=date(2026, 6, 15)).map(lambda d: d.isoformat()),
)


@schemathesis.hook
def map_body(ctx, body):
    """`POST /v1/structures`: a postcode drawn alone is rarely one of the drawn commune's; take one that is (or none)."""
    if ctx.operation is None or ctx.operation.path != "/v1/structures" or not isinstance(body, dict):
        return body
    commune, postcode = body.get("communeCode"), body.get("postalCode")
    if isinstance(commune, str) and isinstance(postcode, str) and postcode not in codes["postcodes"].get(commune, []):
        known = codes["postcodes"].get(commune, [])
        if known:
            body["postalCode"] = known[0]
        else:
            del body["postalCode"]
    return body


def _instant(value):
    """a date or an instant of the API (validated by the document's pattern), as an aware datetime; None otherwise"""
    from datetime import datetime, timezone

    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


@schemathesis.hook
def map_query(ctx, query):
    """`from` after `to` is a 400 wherever both are taken (`/v1/cafes`, `/v1/breakdowns`, `/v1/progress`, the public
    listings: a rule across two parameters, which JSON Schema cannot state), so a range drawn backwards is turned
    around rather than sent as a "valid" request."""
    if ctx.operation is None or not isinstance(query, dict):
        return query
    start, end = _instant(query.get("from")), _instant(query.get("to"))
    if start is not None and end is not None and start > end:
        query["from"], query["to"] = query["to"], query["from"]
    return query
