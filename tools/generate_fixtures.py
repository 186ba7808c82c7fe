#!/usr/bin/env python3
"""Generate the torch trajectories that OptimizerKit's fixture tests compare against.

Runs torch.optim's single-tensor code paths in float64 and writes three JSON files to
Tests/Fixtures/torch/ (or the directory given as the first argument):

- optimizers.json: per-step parameters and state quantities of SGD, Adagrad, RMSprop, Adam and
  AdamW for every hyperparameter, each optimizer's defaults, edge cases, and runs combined with
  learning-rate schedules and gradient clipping;
- schedules.json: learning rates of StepLR, ExponentialLR, LinearLR, CosineAnnealingLR and
  SequentialLR(LinearLR, CosineAnnealingLR) over many epochs;
- clipping.json: torch.nn.utils.clip_grad_norm_ on single and multiple gradient tensors.

Each file records the torch version that produced it. CI does not run this script; rerun it by
hand after changing a case and commit the output.
"""

import json
import math
import os
import sys

import torch

torch.set_default_dtype(torch.float64)

STATE_NAMES = {
    "SGD": [("momentum_buffer", "momentum_buffer")],
    "Adagrad": [("sum", "sum")],
    "RMSprop": [
        ("square_avg", "square_avg"),
        ("grad_avg", "grad_avg"),
        ("momentum_buffer", "momentum_buffer"),
    ],
}

TORCH_DEFAULT_BETAS = (0.9, 0.999)


def gradient_sequence(seed, steps, dimension, magnitude=1.0):
    generator = torch.Generator().manual_seed(seed)
    return [
        (torch.randn(dimension, generator=generator) * magnitude).tolist()
        for _ in range(steps)
    ]


def make_optimizer(name, parameter, hyperparameters):
    arguments = dict(hyperparameters)
    if "betas" in arguments:
        arguments["betas"] = tuple(arguments["betas"])
    cls = getattr(torch.optim, name)
    # foreach=False selects the single-tensor loop, whose arithmetic the Swift code follows.
    return cls([parameter], foreach=False, **arguments)


def make_scheduler(optimizer, schedule):
    if schedule is None:
        return None
    kind = schedule["kind"]
    lr_scheduler = torch.optim.lr_scheduler
    if kind == "constant":
        return lr_scheduler.LambdaLR(optimizer, lambda epoch: 1.0)
    if kind == "step":
        return lr_scheduler.StepLR(optimizer, schedule["step_size"], schedule["gamma"])
    if kind == "exponential":
        return lr_scheduler.ExponentialLR(optimizer, schedule["gamma"])
    if kind == "linear":
        return lr_scheduler.LinearLR(
            optimizer,
            start_factor=schedule["start_factor"],
            end_factor=schedule["end_factor"],
            total_iters=schedule["total_iters"],
        )
    if kind == "cosine":
        return lr_scheduler.CosineAnnealingLR(
            optimizer, T_max=schedule["T_max"], eta_min=schedule["eta_min"]
        )
    if kind == "warmup_cosine":
        warmup = lr_scheduler.LinearLR(
            optimizer,
            start_factor=schedule["start_factor"],
            end_factor=1.0,
            total_iters=schedule["warmup_steps"],
        )
        cosine = lr_scheduler.CosineAnnealingLR(
            optimizer, T_max=schedule["decay_steps"], eta_min=schedule["eta_min"]
        )
        return lr_scheduler.SequentialLR(
            optimizer, [warmup, cosine], milestones=[schedule["warmup_steps"]]
        )
    raise ValueError(f"unknown schedule kind {kind}")


def state_quantities(name, optimizer, parameter, hyperparameters):
    state = optimizer.state[parameter]
    quantities = {}
    if name in ("Adam", "AdamW"):
        beta1, beta2 = hyperparameters.get("betas", TORCH_DEFAULT_BETAS)
        step = state["step"].item()
        correction1 = 1 - beta1**step
        correction2 = 1 - beta2**step
        exp_avg = state["exp_avg"].tolist()
        exp_avg_sq = state["exp_avg_sq"].tolist()
        quantities["m"] = exp_avg
        quantities["v"] = exp_avg_sq
        quantities["m_hat"] = [value / correction1 for value in exp_avg]
        quantities["v_hat"] = [value / correction2 for value in exp_avg_sq]
        if "max_exp_avg_sq" in state:
            quantities["v_max"] = state["max_exp_avg_sq"].tolist()
        return quantities
    for key, label in STATE_NAMES[name]:
        value = state.get(key)
        if value is not None:
            quantities[label] = value.tolist()
    return quantities


def run_case(case):
    name = case["optimizer"]
    hyperparameters = case["hyperparameters"]
    parameter = torch.tensor(case["initial"], requires_grad=True)
    optimizer = make_optimizer(name, parameter, hyperparameters)
    scheduler = make_scheduler(optimizer, case.get("schedule"))
    curvatures = case.pop("closed_loop_curvatures", None)
    max_norm = case.get("clip_max_norm")

    gradients = case.get("gradients", [])
    if curvatures is not None:
        gradients = []
    steps = []
    for index in range(case.pop("steps_count", len(gradients))):
        if curvatures is not None:
            # Closed loop on ½·Σ cᵢθᵢ²: the gradient is c·θ at the current parameters.
            gradient = (torch.tensor(curvatures) * parameter.detach()).tolist()
            gradients.append(gradient)
        else:
            gradient = gradients[index]
        parameter.grad = torch.tensor(gradient)
        record = {"lr": optimizer.param_groups[0]["lr"]}
        if max_norm is not None:
            total = torch.nn.utils.clip_grad_norm_([parameter], max_norm, foreach=False)
            record["total_norm"] = total.item()
        optimizer.step()
        if scheduler is not None:
            scheduler.step()
        record["parameters"] = parameter.detach().tolist()
        record["state"] = state_quantities(name, optimizer, parameter, hyperparameters)
        steps.append(record)
    case["gradients"] = gradients
    case["steps"] = steps
    return case


def optimizer_cases():
    cases = []

    def add(name, optimizer, hyperparameters, initial, gradients=None, **extra):
        case = {
            "name": name,
            "optimizer": optimizer,
            "hyperparameters": hyperparameters,
            "initial": initial,
        }
        if gradients is not None:
            case["gradients"] = gradients
        case.update(extra)
        cases.append(case)

    initial3 = [0.5, -1.5, 2.0]
    seed = 100

    def grads(steps=12, dimension=3, magnitude=1.0):
        nonlocal seed
        seed += 1
        return gradient_sequence(seed, steps, dimension, magnitude)

    # Every option on its own and in combination, plus each optimizer's defaults.
    option_sets = {
        "SGD": [
            {},
            {"lr": 0.1},
            {"lr": 0.1, "momentum": 0.9},
            {"lr": 0.1, "momentum": 0.9, "dampening": 0.5},
            {"lr": 0.1, "momentum": 0.9, "nesterov": True},
            {"lr": 0.1, "weight_decay": 0.1},
            {"lr": 0.1, "maximize": True},
            {"lr": 0.05, "momentum": 0.8, "weight_decay": 0.01, "nesterov": True, "maximize": True},
            {"lr": 0.05, "momentum": 0.5, "dampening": 0.1, "weight_decay": 0.2, "maximize": True},
        ],
        "Adagrad": [
            {},
            {"lr": 0.1},
            {"lr": 0.1, "lr_decay": 0.1},
            {"lr": 0.1, "weight_decay": 0.1},
            {"lr": 0.1, "initial_accumulator_value": 0.5},
            {"lr": 0.1, "eps": 1e-3},
            {"lr": 0.1, "maximize": True},
            {
                "lr": 0.2,
                "lr_decay": 0.05,
                "weight_decay": 0.01,
                "initial_accumulator_value": 0.1,
                "eps": 1e-6,
                "maximize": True,
            },
        ],
        "RMSprop": [
            {},
            {"lr": 0.05},
            {"lr": 0.05, "alpha": 0.9},
            {"lr": 0.05, "eps": 1e-3},
            {"lr": 0.05, "weight_decay": 0.1},
            {"lr": 0.05, "momentum": 0.9},
            {"lr": 0.05, "centered": True},
            {"lr": 0.05, "centered": True, "momentum": 0.5},
            {"lr": 0.05, "maximize": True},
            {
                "lr": 0.02,
                "alpha": 0.95,
                "eps": 1e-6,
                "weight_decay": 0.05,
                "momentum": 0.7,
                "centered": True,
                "maximize": True,
            },
        ],
        "Adam": [
            {},
            {"lr": 0.1},
            {"lr": 0.1, "betas": [0.5, 0.9]},
            {"lr": 0.1, "betas": [0.0, 0.0]},
            {"lr": 0.1, "eps": 1e-3},
            {"lr": 0.1, "weight_decay": 0.1},
            {"lr": 0.1, "amsgrad": True},
            {"lr": 0.1, "maximize": True},
            {
                "lr": 0.05,
                "betas": [0.8, 0.99],
                "eps": 1e-6,
                "weight_decay": 0.05,
                "amsgrad": True,
                "maximize": True,
            },
        ],
        "AdamW": [
            {},
            {"lr": 0.1},
            {"lr": 0.1, "weight_decay": 0.0},
            {"lr": 0.1, "weight_decay": 0.5},
            {"lr": 0.1, "betas": [0.5, 0.9], "eps": 1e-3},
            {"lr": 0.1, "amsgrad": True},
            {"lr": 0.1, "maximize": True},
            {
                "lr": 0.05,
                "betas": [0.8, 0.99],
                "eps": 1e-6,
                "weight_decay": 0.2,
                "amsgrad": True,
                "maximize": True,
            },
        ],
    }
    for optimizer, sets in option_sets.items():
        for options in sets:
            label = ",".join(f"{key}={value}" for key, value in options.items()) or "defaults"
            add(f"{optimizer} {label}", optimizer, options, initial3, grads())

    # The classic hand example: θ₀ = 1, gradients 1, 0.1, 0.1.
    for optimizer in option_sets:
        add(f"{optimizer} hand example", optimizer, {"lr": 0.1}, [1.0], [[1.0], [0.1], [0.1]])

    representative = {
        "SGD": {"lr": 0.1, "momentum": 0.9, "weight_decay": 0.01},
        "Adagrad": {"lr": 0.1, "lr_decay": 0.01, "weight_decay": 0.01},
        "RMSprop": {"lr": 0.01, "momentum": 0.5, "centered": True, "weight_decay": 0.01},
        "Adam": {"lr": 0.01, "amsgrad": True, "weight_decay": 0.01},
        "AdamW": {"lr": 0.01, "amsgrad": True},
    }
    for optimizer, options in representative.items():
        plain = {key: value for key, value in options.items() if key != "weight_decay"}
        add(f"{optimizer} zero gradients", optimizer, options, initial3, [[0.0, 0.0, 0.0]] * 6)
        add(
            f"{optimizer} zero gradients at zero",
            optimizer,
            plain,
            [0.0, 0.0],
            [[0.0, 0.0]] * 4,
        )
        add(
            f"{optimizer} zero then nonzero",
            optimizer,
            plain,
            [1.0, -1.0],
            [[0.0, 0.0], [0.0, 0.0], [0.5, -2.0], [0.0, 0.0], [1.0, 1.0]],
        )
        add(
            f"{optimizer} gradients 1e6",
            optimizer,
            options,
            [1e3, -2e3, 5.0],
            grads(10, 3, 1e6),
        )
        add(
            f"{optimizer} gradients 1e-9",
            optimizer,
            options,
            [1e-3, -2e-3, 5e-4],
            grads(10, 3, 1e-9),
        )
        add(f"{optimizer} lr 0", optimizer, {**options, "lr": 0.0}, initial3, grads(8))
        add(f"{optimizer} 150 steps", optimizer, options, initial3, grads(150))
        add(
            f"{optimizer} closed loop ill-conditioned",
            optimizer,
            plain,
            [-2.0, 1.0],
            closed_loop_curvatures=[1.0, 10.0],
            steps_count=120,
        )

    # Learning-rate schedules driving an optimizer, and clipping before each step.
    schedules = [
        {"kind": "step", "step_size": 5, "gamma": 0.5},
        {"kind": "exponential", "gamma": 0.95},
        {"kind": "cosine", "T_max": 20, "eta_min": 0.001},
        {"kind": "warmup_cosine", "warmup_steps": 5, "decay_steps": 25, "start_factor": 0.1,
         "eta_min": 0.0},
    ]
    scheduled = [
        ("SGD", {"lr": 0.1, "momentum": 0.9}),
        ("Adagrad", {"lr": 0.1, "lr_decay": 0.05}),
        ("Adam", {"lr": 0.05}),
        ("AdamW", {"lr": 0.05, "weight_decay": 0.1}),
    ]
    pairs = [
        (scheduled[i], schedules[(i + shift) % len(schedules)])
        for shift in (0, 1)
        for i in range(len(scheduled))
    ]
    for (optimizer, options), schedule in pairs:
        add(
            f"{optimizer} with {schedule['kind']} schedule",
            optimizer,
            options,
            initial3,
            grads(40),
            schedule=schedule,
        )
    add(
        "RMSprop with warmup_cosine schedule",
        "RMSprop",
        {"lr": 0.01, "momentum": 0.9},
        initial3,
        grads(40),
        schedule=schedules[3],
    )

    for optimizer, options, max_norm in [
        ("SGD", {"lr": 0.1, "momentum": 0.9}, 1.0),
        ("Adam", {"lr": 0.05}, 0.5),
        ("AdamW", {"lr": 0.05, "amsgrad": True}, 2.0),
        ("RMSprop", {"lr": 0.01}, 0.1),
        ("Adagrad", {"lr": 0.1}, 1e-3),
    ]:
        add(
            f"{optimizer} clipped at {max_norm}",
            optimizer,
            options,
            initial3,
            grads(30, 3, 2.0),
            clip_max_norm=max_norm,
        )
    add(
        "Adam clipped with warmup_cosine schedule",
        "Adam",
        {"lr": 0.05},
        initial3,
        grads(40, 3, 3.0),
        clip_max_norm=1.0,
        schedule=schedules[3],
    )
    return [run_case(case) for case in cases]


def schedule_cases():
    specs = [
        {"kind": "constant"},
        {"kind": "step", "step_size": 1, "gamma": 0.9},
        {"kind": "step", "step_size": 7, "gamma": 0.1},
        {"kind": "exponential", "gamma": 0.9},
        {"kind": "exponential", "gamma": 0.999},
        {"kind": "linear", "start_factor": 1.0 / 3, "end_factor": 1.0, "total_iters": 5},
        {"kind": "linear", "start_factor": 1.0, "end_factor": 0.0, "total_iters": 30},
        {"kind": "linear", "start_factor": 0.25, "end_factor": 0.75, "total_iters": 12},
        {"kind": "cosine", "T_max": 10, "eta_min": 0.0},
        {"kind": "cosine", "T_max": 7, "eta_min": 0.01},
        {"kind": "cosine", "T_max": 1, "eta_min": 0.0},
        {"kind": "cosine", "T_max": 50, "eta_min": 1e-5},
        {"kind": "warmup_cosine", "warmup_steps": 10, "decay_steps": 40, "start_factor": 0.01,
         "eta_min": 0.0},
        {"kind": "warmup_cosine", "warmup_steps": 1, "decay_steps": 5, "start_factor": 0.5,
         "eta_min": 0.001},
        {"kind": "warmup_cosine", "warmup_steps": 3, "decay_steps": 4, "start_factor": 1.0,
         "eta_min": 0.02},
    ]
    cases = []
    for spec in specs:
        for base_lr in (0.1, 1.0):
            parameter = torch.zeros(1, requires_grad=True)
            optimizer = torch.optim.SGD([parameter], lr=base_lr, foreach=False)
            scheduler = make_scheduler(optimizer, spec)
            epochs = 160
            rates = []
            for _ in range(epochs):
                rates.append(optimizer.param_groups[0]["lr"])
                optimizer.step()
                scheduler.step()
            label = ",".join(f"{key}={value}" for key, value in spec.items())
            cases.append(
                {"name": f"{label} lr={base_lr}", "schedule": spec, "base_lr": base_lr, "lrs": rates}
            )
    return cases


def clipping_cases():
    generator = torch.Generator().manual_seed(7)
    inputs = [
        ("below max", [[0.1, -0.2, 0.05]], 1.0),
        ("above max", [[3.0, -4.0]], 1.0),
        ("exactly at max", [[3.0, 4.0]], 5.0),
        ("zero gradients", [[0.0, 0.0, 0.0]], 1.0),
        ("max_norm 0", [[1.0, 2.0]], 0.0),
        ("several tensors", [[1.0, 2.0], [3.0], [-4.0, 0.5, 0.25]], 2.0),
        ("magnitude 1e6", [(torch.randn(5, generator=generator) * 1e6).tolist()], 1.0),
        ("magnitude 1e-9", [(torch.randn(5, generator=generator) * 1e-9).tolist()], 1.0),
        (
            "random tensors",
            [torch.randn(n, generator=generator).tolist() for n in (3, 1, 4)],
            0.7,
        ),
    ]
    cases = []
    for name, gradients, max_norm in inputs:
        parameters = []
        for gradient in gradients:
            parameter = torch.zeros(len(gradient), requires_grad=True)
            parameter.grad = torch.tensor(gradient)
            parameters.append(parameter)
        total = torch.nn.utils.clip_grad_norm_(parameters, max_norm, foreach=False)
        cases.append(
            {
                "name": name,
                "max_norm": max_norm,
                "gradients": gradients,
                "total_norm": total.item(),
                "clipped": [parameter.grad.tolist() for parameter in parameters],
            }
        )
    return cases


def write(directory, file_name, cases):
    document = {
        "generator": "tools/generate_fixtures.py",
        "torch_version": torch.__version__,
        "dtype": "float64",
        "cases": cases,
    }
    path = os.path.join(directory, file_name)
    with open(path, "w") as output:
        json.dump(document, output, allow_nan=False, separators=(",", ":"))
        output.write("\n")
    print(f"wrote {len(cases)} cases to {path}")


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    directory = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "Tests", "Fixtures", "torch")
    os.makedirs(directory, exist_ok=True)
    write(directory, "optimizers.json", optimizer_cases())
    write(directory, "schedules.json", schedule_cases())
    write(directory, "clipping.json", clipping_cases())


if __name__ == "__main__":
    main()
