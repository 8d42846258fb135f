#!/usr/bin/env python3
"""The peer for the NewYork MCLP benchmark: the same maximal covering model (Church and ReVelle 1974)
built with PuLP and solved by CBC, the way a spopt or PuLP user would do it.

usage: /usr/bin/python3 mclp_pulp_cbc.py NewYork.txt P RADIUS_M EARTH_RADIUS_M TIME_LIMIT_S [continuous-y|binary-y]
continuous-y (default): the coverage variables y are continuous in [0, 1], as Sanimap's own model has
them (with x binary an optimal y is 0/1 anyway). binary-y: y binary too, as spopt's MCLP builds them
(FacilityModelBuilder.add_client_integer_variable).
Prints one JSON line: p, formulation, status, objective, build_s (coverage + model), solve_s (CBC), wall_s.
Needs Debian's python3-pulp and coinor-cbc.
"""
import json
import math
import sys
import time

import pulp


def read(path):
    coords, demand, section = [], [], None
    with open(path) as f:
        for line in f:
            t = line.strip()
            if not t or t == "EOF":
                continue
            if t.startswith("NODE_COORD_SECTION") or t.startswith("DEMAND_SECTION"):
                section = t.split()[0]
                continue
            if section == "NODE_COORD_SECTION":
                lat, lon = t.split()[:2]
                coords.append((float(lat), float(lon)))
            elif section == "DEMAND_SECTION":
                demand.append(float(t))
    return coords, demand


def main():
    path, p, radius, earth, limit = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])
    formulation = sys.argv[6] if len(sys.argv) > 6 else "continuous-y"
    if formulation not in ("continuous-y", "binary-y"):
        sys.exit("formulation " + formulation + " is neither continuous-y nor binary-y")
    t0 = time.perf_counter()
    coords, demand = read(path)
    n = len(coords)
    rad = [(math.radians(a), math.radians(b)) for a, b in coords]
    near = []
    for i in range(n):
        si, ci, li = math.sin(rad[i][0]), math.cos(rad[i][0]), rad[i][1]
        row = []
        for j in range(n):
            c = si * math.sin(rad[j][0]) + ci * math.cos(rad[j][0]) * math.cos(li - rad[j][1])
            if earth * math.acos(max(-1.0, min(1.0, c))) <= radius:
                row.append(j)
        near.append(row)
    prob = pulp.LpProblem("mclp", pulp.LpMaximize)
    x = [pulp.LpVariable(f"x{j}", cat="Binary") for j in range(n)]
    if formulation == "binary-y":
        y = [pulp.LpVariable(f"y{i}", cat="Binary") for i in range(n)]
    else:
        y = [pulp.LpVariable(f"y{i}", lowBound=0, upBound=1) for i in range(n)]
    prob += pulp.lpSum(demand[i] * y[i] for i in range(n))
    for i in range(n):
        prob += y[i] <= pulp.lpSum(x[j] for j in near[i])
    prob += pulp.lpSum(x) == p
    t1 = time.perf_counter()
    solver = pulp.COIN_CMD(path="/usr/bin/cbc", msg=False, timeLimit=limit, threads=1)
    prob.solve(solver)
    t2 = time.perf_counter()
    print(json.dumps({
        "p": p,
        "formulation": formulation,
        "status": pulp.LpStatus[prob.status],
        "objective": pulp.value(prob.objective),
        "build_s": round(t1 - t0, 3),
        "solve_s": round(t2 - t1, 3),
        "wall_s": round(t2 - t0, 3),
    }))


if __name__ == "__main__":
    main()
