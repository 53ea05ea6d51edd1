"""A correct TD 2 (GAN Lab) submission whose losses are written on probabilities, as the
textbook formulas read: log(D + 1e-7) and log(1 - D + 1e-7), not on logits. Otherwise the
same as ../correct/gan.py. The clip changes the gradients only where D saturates below
1e-7, which the strong-discriminator spec provokes: this folder calibrates the specs on an
independent correct implementation that is not the reference's way."""
import math

import numpy as np
import torch
from torch import nn
from torch.nn import functional as F

EPS = 1e-7  # keeps log() finite where the sigmoid saturates


def sample_noise(kind, dim, n, seed):
    rng = np.random.default_rng(seed)
    if kind == "uniform":
        return rng.uniform(0.0, 1.0, size=(n, dim))
    out = rng.normal(0.5, 0.25, size=(n, dim))
    bad = np.abs(out - 0.5) > 0.5  # truncated normal: redraw beyond 2 sd
    while bad.any():
        out[bad] = rng.normal(0.5, 0.25, size=bad.sum())
        bad = np.abs(out - 0.5) > 0.5
    return out


def sample_real(name, n, seed, points=None):
    rng = np.random.default_rng(seed)
    out = np.empty((n, 2))
    for i in range(n):
        r = rng.random()
        if name == "line":
            out[i] = [0.8 - 0.75 * r, 0.6 + 0.3 * r] + 0.01 * rng.normal(size=2)
        elif name == "gaussians":
            if r < 0.5:
                out[i] = [0.3, 0.7] + 0.1 * rng.normal(size=2)
            else:
                out[i] = [0.7, 0.4] + np.array([0.05, 0.2]) * rng.normal(size=2)
        elif name == "ring":
            a = 2 * math.pi * r
            out[i] = [0.5 + 0.3 * math.cos(a), 0.45 + 0.25 * math.sin(a)] + 0.025 * rng.normal(size=2)
        elif name == "disjoint":
            centre = [0.35, 0.75] if r < 0.333 else ([0.75, 0.6] if r < 0.666 else [0.45, 0.35])
            out[i] = centre + 0.025 * rng.normal(size=2)
        elif name == "drawing":
            out[i] = points[int(len(points) * r)] + 0.02 * rng.normal(size=2)
        else:
            raise ValueError(f"unknown distribution {name}")
    return out


def mlp(inputs, layers, neurons, outputs, last):
    sizes = [inputs] + [neurons] * layers + [outputs]
    blocks = []
    for i, (a, b) in enumerate(zip(sizes[:-1], sizes[1:])):
        linear = nn.Linear(a, b)
        # GAN Lab's initialisation: N(0, 1/sqrt(2)) first, N(0, 1/sqrt(fan_in)) after, zero bias
        nn.init.normal_(linear.weight, 0.0, 1 / math.sqrt(2) if i == 0 else 1 / math.sqrt(a))
        nn.init.zeros_(linear.bias)
        blocks += [linear, nn.ReLU()]
    blocks[-1] = last
    return nn.Sequential(*blocks)


class Run:
    def __init__(self, generator, config, history):
        self.generator, self.config, self.history = generator, config, history

    def sample(self, n):
        noise = sample_noise(self.config["noise"], self.config["noise_dim"], n, self.config["seed"] + 1)
        with torch.no_grad():
            return self.generator(torch.tensor(noise, dtype=torch.float32)).numpy()


def train_gan(config):
    torch.set_num_threads(1)
    torch.manual_seed(config["seed"])
    c = config
    G = mlp(c["noise_dim"], c["g_layers"], c["g_neurons"], 2, nn.Tanh())
    D = mlp(2, c["d_layers"], c["d_neurons"], 1, nn.Identity())  # logits: stable logs
    make = lambda kind, params, lr: (torch.optim.Adam(params, lr) if kind == "adam"
                                     else torch.optim.SGD(params, lr))
    g_opt, d_opt = make(c["g_optimizer"], G.parameters(), c["g_lr"]), make(c["d_optimizer"], D.parameters(), c["d_lr"])
    real_all = torch.tensor(sample_real(c["distribution"], 12000, c["seed"], c.get("points")), dtype=torch.float32)
    noise_all = torch.tensor(sample_noise(c["noise"], c["noise_dim"], 12000, c["seed"]), dtype=torch.float32)
    batch, tick = c["batch_size"], 0
    history = []

    def next_batch(data):
        nonlocal tick
        start = (tick * batch) % (12000 - batch)
        tick += 1
        return data[start:start + batch]

    for _ in range(c["steps"]):
        row = {"d_loss": math.nan, "g_loss": math.nan}  # NaN where no update runs (k_d or k_g 0)
        for _ in range(c["k_d"]):
            real, fake = next_batch(real_all), G(next_batch(noise_all)).detach()
            l_real, l_fake = D(real), D(fake)
            p_real, p_fake = torch.sigmoid(l_real), torch.sigmoid(l_fake)
            if c["loss"] == "least_squares":
                loss = ((p_real - 1) ** 2).mean() + (p_fake ** 2).mean()
            else:
                loss = -(0.95 * torch.log(p_real + EPS).mean() + torch.log(1 - p_fake + EPS).mean())
            d_opt.zero_grad()
            loss.backward()
            d_opt.step()
            row["d_loss"] = loss.item()
            row["d_accuracy"] = 0.5 * ((p_real > 0.5).float().mean() + (p_fake < 0.5).float().mean()).item()
        for _ in range(c["k_g"]):
            p_fake = torch.sigmoid(D(G(next_batch(noise_all))))
            if c["loss"] == "least_squares":
                loss = ((p_fake - 1) ** 2).mean()
            elif c["loss"] == "minimax":
                loss = torch.log(1 - p_fake + EPS).mean()  # log(1 - D(G(z)))
            else:
                loss = -torch.log(p_fake + EPS).mean()
            g_opt.zero_grad()
            loss.backward()
            row["g_grad_norm"] = math.sqrt(sum(float((p.grad ** 2).sum()) for p in G.parameters()))
            g_opt.step()
            row["g_loss"] = loss.item()
        history.append(row)
    return Run(G, c, history)


def train_gan_from(config, weights, real, noise):
    """The same training from given weights, written on the weight tensors themselves
    (x @ W + b), autograd's gradients and Adam by its formulas, in float32."""
    torch.set_num_threads(1)
    c = config
    nets = {name: [torch.tensor(np.asarray(w), dtype=torch.float32) for w in weights[name]]
            for name in ("generator", "discriminator")}
    moments = {name: [[torch.zeros_like(w), torch.zeros_like(w)] for w in ws] for name, ws in nets.items()}
    updates = {"generator": 0, "discriminator": 0}
    settings = {"generator": (c["g_optimizer"], c["g_lr"]), "discriminator": (c["d_optimizer"], c["d_lr"])}

    def forward(ws, x):
        for i in range(0, len(ws), 2):
            x = x @ ws[i] + ws[i + 1]
            if i + 2 < len(ws):
                x = torch.relu(x)
        return x

    def step(name, loss):
        ws = nets[name]
        grads = torch.autograd.grad(loss, ws)
        kind, lr = settings[name]
        updates[name] += 1
        t = updates[name]
        with torch.no_grad():
            for w, g, (m, v) in zip(ws, grads, moments[name]):
                if kind == "sgd":
                    w -= lr * g
                else:
                    m.mul_(0.9).add_(0.1 * g)
                    v.mul_(0.999).add_(0.001 * g * g)
                    w -= lr * (m / (1 - 0.9 ** t)) / ((v / (1 - 0.999 ** t)).sqrt() + 1e-7)
        return grads

    data = {"real": torch.tensor(real, dtype=torch.float32), "noise": torch.tensor(noise, dtype=torch.float32)}
    cursor = {"real": 0, "noise": 0}

    def next_batch(which):
        n, size = len(data[which]), c["batch_size"]
        rows = [(cursor[which] + i) % n for i in range(size)]
        cursor[which] = (cursor[which] + size) % n
        return data[which][rows]

    history = {"d_loss": [], "g_loss": [], "d_accuracy": [], "g_grad_norm": []}
    for _ in range(c["steps"]):
        row = dict.fromkeys(history, math.nan)
        for _ in range(c["k_d"]):
            real_batch = next_batch("real")
            with torch.no_grad():
                fake = torch.tanh(forward(nets["generator"], next_batch("noise")))
            for w in nets["discriminator"]:
                w.requires_grad_(True)
            p_real = torch.sigmoid(forward(nets["discriminator"], real_batch))
            p_fake = torch.sigmoid(forward(nets["discriminator"], fake))
            if c["loss"] == "least_squares":
                loss = ((p_real - 1) ** 2).mean() + (p_fake ** 2).mean()
            else:
                loss = -(0.95 * torch.log(p_real + EPS).mean() + torch.log(1 - p_fake + EPS).mean())
            row["d_loss"] = loss.item()
            row["d_accuracy"] = 0.5 * ((p_real > 0.5).float().mean() + (p_fake < 0.5).float().mean()).item()
            step("discriminator", loss)
        for w in nets["discriminator"]:
            w.requires_grad_(False)
        for _ in range(c["k_g"]):
            for w in nets["generator"]:
                w.requires_grad_(True)
            p_fake = torch.sigmoid(forward(nets["discriminator"], torch.tanh(forward(nets["generator"], next_batch("noise")))))
            if c["loss"] == "least_squares":
                loss = ((p_fake - 1) ** 2).mean()
            elif c["loss"] == "minimax":
                loss = torch.log(1 - p_fake + EPS).mean()
            else:
                loss = -torch.log(p_fake + EPS).mean()
            row["g_loss"] = loss.item()
            grads = step("generator", loss)
            row["g_grad_norm"] = math.sqrt(sum(float((g ** 2).sum()) for g in grads))
        for w in nets["generator"]:
            w.requires_grad_(False)
        for name in history:
            history[name].append(row[name])
    return {"history": history,
            "weights": {name: [w.detach().numpy().copy() for w in ws] for name, ws in nets.items()}}
