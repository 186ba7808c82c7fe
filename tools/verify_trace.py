#!/usr/bin/env python3
"""Check `optimlings trace --json` against torch.optim on fresh random requests.

Each case draws an optimizer, hyperparameters, a parameter count, θ₀ and a gradient sequence
at random, runs it through the built executable and through torch (float64, single-tensor
code path), and compares every step's parameters and state quantities. A value agrees when its
relative error is at most 1e-12, or, near zero, when its absolute error is at most 1e-15 times
the quantity's largest magnitude in the run (capped at 1e-15).

Usage: tools/verify_trace.py [--cases N] [--seed S] [--binary PATH]
The seed is random unless given and is printed so a failure can be replayed. CI does not run
this script; build first with `swift build --product optimlings`.
"""

import argparse
import json
import math
import os
import random
import subprocess
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from generate_fixtures import make_optimizer, state_quantities  # noqa: E402

torch.set_default_dtype(torch.float64)

RELATIVE = 1e-12
ABSOLUTE = 1e-15


def log_uniform(rng, low, high):
    return 10 ** rng.uniform(math.log10(low), math.log10(high))


def maybe(rng, probability=0.5):
    return rng.random() < probability


def random_hyperparameters(rng, optimizer):
    h = {}
    if maybe(rng, 0.9):
        h["lr"] = 0.0 if maybe(rng, 0.03) else log_uniform(rng, 1e-4, 1.0)
    if maybe(rng, 0.4):
        h["weight_decay"] = log_uniform(rng, 1e-4, 0.5)
    if maybe(rng, 0.3):
        h["maximize"] = True
    if optimizer == "SGD":
        if maybe(rng, 0.7):
            h["momentum"] = rng.uniform(0.01, 0.99)
            if maybe(rng, 0.4):
                h["nesterov"] = True
            elif maybe(rng, 0.5):
                h["dampening"] = rng.uniform(0.0, 0.9)
    elif optimizer == "Adagrad":
        if maybe(rng):
            h["lr_decay"] = rng.uniform(0.0, 0.5)
        if maybe(rng):
            h["initial_accumulator_value"] = rng.uniform(0.0, 1.0)
        if maybe(rng):
            h["eps"] = log_uniform(rng, 1e-12, 1e-3)
    elif optimizer == "RMSprop":
        if maybe(rng):
            h["alpha"] = rng.uniform(0.5, 0.999)
        if maybe(rng):
            h["eps"] = log_uniform(rng, 1e-10, 1e-3)
        if maybe(rng):
            h["momentum"] = rng.uniform(0.0, 0.95)
        if maybe(rng):
            h["centered"] = True
    else:
        if maybe(rng, 0.6):
            h["betas"] = [rng.uniform(0.0, 0.99), rng.uniform(0.5, 0.9999)]
        if maybe(rng):
            h["eps"] = log_uniform(rng, 1e-10, 1e-3)
        if maybe(rng):
            h["amsgrad"] = True
    return h


def random_request(rng):
    optimizer = rng.choice(["SGD", "Adagrad", "RMSprop", "Adam", "AdamW"])
    dimension = rng.randint(1, 6)
    steps = rng.randint(1, 60)
    scale = 10 ** rng.uniform(-6, 6)
    initial = [rng.gauss(0, 1) * 10 ** rng.uniform(-3, 3) for _ in range(dimension)]
    gradients = []
    for _ in range(steps):
        if maybe(rng, 0.05):
            gradients.append([0.0] * dimension)
        else:
            gradients.append([rng.gauss(0, 1) * scale for _ in range(dimension)])
    request = {
        "optimizer": rng.choice([optimizer, optimizer.lower(), optimizer.upper()]),
        "hyperparameters": random_hyperparameters(rng, optimizer),
        "initial": initial,
        "gradients": gradients,
    }
    return optimizer, request


def torch_trace(optimizer, request):
    parameter = torch.tensor(request["initial"], requires_grad=True)
    instance = make_optimizer(optimizer, parameter, request["hyperparameters"])
    steps = []
    for gradient in request["gradients"]:
        parameter.grad = torch.tensor(gradient)
        instance.step()
        steps.append(
            {
                "parameters": parameter.detach().tolist(),
                "state": state_quantities(
                    optimizer, instance, parameter, request["hyperparameters"]
                ),
            }
        )
    return steps


def compare(name, ours, theirs, scale):
    """Return the disagreeing components and the largest (relative error, location) pair."""
    worst = (0.0, "")
    problems = []
    if len(ours) != len(theirs):
        return [f"{name}: {len(ours)} values, torch has {len(theirs)}"], worst
    floor = ABSOLUTE * min(scale, 1.0)
    for index, (a, b) in enumerate(zip(ours, theirs)):
        error = abs(a - b)
        if b != 0:
            worst = max(worst, (error / abs(b), f"{name}[{index}] = {a!r}, torch has {b!r}"))
        if error > RELATIVE * abs(b) and error > floor:
            problems.append(f"{name}[{index}] = {a!r}, torch has {b!r}")
    return problems, worst


def check(optimizer, request, binary):
    completed = subprocess.run(
        [binary, "trace", "--json"],
        input=json.dumps(request),
        capture_output=True,
        text=True,
    )
    if completed.returncode != 0:
        return [f"exit status {completed.returncode}: {completed.stderr.strip()}"], (0.0, "")
    ours = json.loads(completed.stdout)["steps"]
    theirs = torch_trace(optimizer, request)
    if len(ours) != len(theirs):
        return [f"{len(ours)} steps, torch has {len(theirs)}"], (0.0, "")

    def scale_of(key, name=None):
        values = [
            abs(v)
            for step in theirs
            for v in (step[key] if name is None else step[key].get(name, []))
        ]
        return max(values, default=0.0)

    problems = []
    worst = (0.0, "")
    for t, (a, b) in enumerate(zip(ours, theirs), start=1):
        found, error = compare(
            f"step {t} parameters", a["parameters"], b["parameters"], scale_of("parameters")
        )
        problems += found
        worst = max(worst, error)
        if sorted(a["state"]) != sorted(b["state"]):
            problems.append(f"step {t} state names {sorted(a['state'])}, torch {sorted(b['state'])}")
            continue
        for name in b["state"]:
            found, error = compare(
                f"step {t} {name}", a["state"][name], b["state"][name], scale_of("state", name)
            )
            problems += found
            worst = max(worst, error)
    return problems, worst


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=300)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--binary", default=os.path.join(root, ".build", "debug", "optimlings"))
    arguments = parser.parse_args()
    seed = arguments.seed if arguments.seed is not None else int.from_bytes(os.urandom(4), "big")
    rng = random.Random(seed)

    failures = 0
    worst = (0.0, "")
    steps = 0
    for case in range(arguments.cases):
        optimizer, request = random_request(rng)
        problems, error = check(optimizer, request, arguments.binary)
        if error[0] > worst[0]:
            worst = (error[0], f"case {case} ({optimizer} {request['hyperparameters']}) {error[1]}")
        steps += len(request["gradients"])
        if problems:
            failures += 1
            print(f"case {case} ({optimizer} {request['hyperparameters']}):")
            for problem in problems[:5]:
                print(f"  {problem}")
    print(
        f"torch {torch.__version__}, seed {seed}: {arguments.cases - failures}/{arguments.cases} "
        f"cases ({steps} steps) agree; largest relative error {worst[0]:.3g}"
    )
    if worst[1]:
        print(f"largest relative error at {worst[1]}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
