"""A correct TD 2 (GAN Lab) submission, written the way a student might: torch.nn and
torch.optim, numpy for the data, a history of per-step dicts."""
import math

import numpy as np
import torch
from torch import nn
from torch.nn import functional as F


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
                loss = -(0.95 * F.logsigmoid(l_real).mean() + F.logsigmoid(-l_fake).mean())
            d_opt.zero_grad()
            loss.backward()
            d_opt.step()
            row["d_loss"] = loss.item()
            row["d_accuracy"] = 0.5 * ((p_real > 0.5).float().mean() + (p_fake < 0.5).float().mean()).item()
        for _ in range(c["k_g"]):
            l_fake = D(G(next_batch(noise_all)))
            if c["loss"] == "least_squares":
                loss = ((torch.sigmoid(l_fake) - 1) ** 2).mean()
            elif c["loss"] == "minimax":
                loss = F.logsigmoid(-l_fake).mean()  # log(1 - D(G(z)))
            else:
                loss = -F.logsigmoid(l_fake).mean()
            g_opt.zero_grad()
            loss.backward()
            row["g_grad_norm"] = math.sqrt(sum(float((p.grad ** 2).sum()) for p in G.parameters()))
            g_opt.step()
            row["g_loss"] = loss.item()
        history.append(row)
    return Run(G, c, history)


def train_gan_from(config, weights, real, noise):
    """train_gan's loop from given weights, on the given data cycled in batches."""
    torch.set_num_threads(1)
    c = config

    def build(arrays, last):
        blocks = []
        for W, b in zip(arrays[0::2], arrays[1::2]):
            linear = nn.Linear(*np.shape(W))
            with torch.no_grad():
                linear.weight.copy_(torch.tensor(np.asarray(W).T))
                linear.bias.copy_(torch.tensor(np.asarray(b)))
            blocks += [linear, nn.ReLU()]
        blocks[-1] = last
        return nn.Sequential(*blocks)

    G, D = build(weights["generator"], nn.Tanh()), build(weights["discriminator"], nn.Identity())
    make = lambda kind, params, lr: (torch.optim.Adam(params, lr, betas=(0.9, 0.999), eps=1e-7)
                                     if kind == "adam" else torch.optim.SGD(params, lr))
    g_opt, d_opt = make(c["g_optimizer"], G.parameters(), c["g_lr"]), make(c["d_optimizer"], D.parameters(), c["d_lr"])
    data = {"real": torch.tensor(real, dtype=torch.float32), "noise": torch.tensor(noise, dtype=torch.float32)}
    taken = {"real": 0, "noise": 0}

    def next_batch(which):  # batch i: rows i * batch onwards, wrapping round
        rows = (taken[which] * c["batch_size"] + np.arange(c["batch_size"])) % len(data[which])
        taken[which] += 1
        return data[which][rows]

    history = []
    for _ in range(c["steps"]):
        row = {"d_loss": math.nan, "g_loss": math.nan, "d_accuracy": math.nan, "g_grad_norm": math.nan}
        for _ in range(c["k_d"]):
            real_batch, fake = next_batch("real"), G(next_batch("noise")).detach()
            l_real, l_fake = D(real_batch), D(fake)
            p_real, p_fake = torch.sigmoid(l_real), torch.sigmoid(l_fake)
            if c["loss"] == "least_squares":
                loss = ((p_real - 1) ** 2).mean() + (p_fake ** 2).mean()
            else:
                loss = -(0.95 * F.logsigmoid(l_real).mean() + F.logsigmoid(-l_fake).mean())
            d_opt.zero_grad()
            loss.backward()
            d_opt.step()
            row["d_loss"] = loss.item()
            row["d_accuracy"] = 0.5 * ((l_real > 0).float().mean() + (l_fake < 0).float().mean()).item()
        for _ in range(c["k_g"]):
            l_fake = D(G(next_batch("noise")))
            if c["loss"] == "least_squares":
                loss = ((torch.sigmoid(l_fake) - 1) ** 2).mean()
            elif c["loss"] == "minimax":
                loss = F.logsigmoid(-l_fake).mean()
            else:
                loss = -F.logsigmoid(l_fake).mean()
            g_opt.zero_grad()
            loss.backward()
            row["g_grad_norm"] = math.sqrt(sum(float((p.grad ** 2).sum()) for p in G.parameters()))
            g_opt.step()
            row["g_loss"] = loss.item()
        history.append(row)

    def arrays(net):
        out = []
        for layer in net:
            if isinstance(layer, nn.Linear):
                out += [layer.weight.detach().numpy().T.copy(), layer.bias.detach().numpy().copy()]
        return out

    return {"history": history, "weights": {"generator": arrays(G), "discriminator": arrays(D)}}
