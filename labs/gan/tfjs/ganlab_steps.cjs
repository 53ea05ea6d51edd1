// GAN Lab's training step in TensorFlow.js, for the cross-check in labs/gan/tfjs_crosscheck.py.
//
// Reads a JSON run (config, initial weights, real and noise atlases) and trains it as GAN Lab's
// ganlab.ts does: per step k_d discriminator updates then k_g generator updates, each batch
// sliced from the atlases by one counter per provider (the noise counter shared by both
// networks), losses as ganlab_models.ts (log of the sigmoid, the real term weighted 0.95),
// tf.train.sgd / tf.train.adam(lr, 0.9, 0.999). Writes the losses of every step and the
// weights after chosen steps. Written for this project (not GAN Lab's code): it leaves out
// everything GAN Lab draws.
//
// usage: NODE_PATH=<a node_modules folder with @tensorflow/tfjs> node ganlab_steps.cjs IN OUT
const fs = require('fs');
const tf = require('@tensorflow/tfjs');  // core, gradients and the CPU backend

function variables(list) {
  return list.map(({shape, values}) => tf.variable(tf.tensor(values, shape, 'float32')));
}

function mlp(params, x) {
  let h = x;
  const last = params.length / 2 - 1;
  for (let i = 0; i <= last; ++i) {
    h = tf.add(tf.matMul(h, params[2 * i]), params[2 * i + 1]);
    if (i < last) h = tf.relu(h);
  }
  return h;
}

function provider(atlas, batch) {
  let counter = -1;  // GAN Lab's providerCounter starts at -1 and is incremented first
  const rows = atlas.shape[0];
  return () => {
    counter++;
    return tf.slice(atlas, [(counter * batch) % rows, 0], [batch, atlas.shape[1]]);
  };
}

function optimizer(kind, lr) {
  return kind === 'adam' ? tf.train.adam(lr, 0.9, 0.999) : tf.train.sgd(lr);
}

async function main() {
  await tf.setBackend('cpu');
  const run = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
  const c = run.config;
  const g = variables(run.g_params);
  const d = variables(run.d_params);
  const nextReal = provider(tf.tensor(run.real_atlas, undefined, 'float32'), c.batch_size);
  const nextNoise = provider(tf.tensor(run.noise_atlas, undefined, 'float32'), c.batch_size);
  const generator = (noise) => tf.tanh(mlp(g, noise));
  const discriminator = (points) => tf.reshape(tf.sigmoid(mlp(d, points)), [c.batch_size]);
  const leastSquares = c.loss === 'least_squares';
  const {add, mean, mul, sub, log, square} = tf;
  const dLoss = (truePred, fakePred) => leastSquares
    ? add(mean(square(sub(truePred, 1))), mean(square(fakePred)))
    : mul(add(mean(mul(log(truePred), 0.95)), mean(log(sub(1, fakePred)))), -1);
  const gLoss = (fakePred) => leastSquares
    ? mean(square(sub(fakePred, 1)))
    : mul(mean(log(fakePred)), -1);
  const dOptimizer = optimizer(c.d_optimizer, c.d_lr);
  const gOptimizer = optimizer(c.g_optimizer, c.g_lr);
  const keep = new Set(run.weights_after);
  const out = {d_loss: [], g_loss: [], weights: {}, tfjs: tf.version.tfjs};
  for (let step = 1; step <= run.steps; ++step) {
    let dValue = null;
    let gValue = null;
    tf.tidy(() => {
      for (let j = 0; j < c.k_d; ++j) {
        const cost = dOptimizer.minimize(() => {
          const noise = nextNoise();
          const real = nextReal();
          return dLoss(discriminator(real), discriminator(generator(noise)));
        }, true, d);
        dValue = cost.dataSync()[0];
      }
      for (let j = 0; j < c.k_g; ++j) {
        const cost = gOptimizer.minimize(
          () => gLoss(discriminator(generator(nextNoise()))), true, g);
        gValue = cost.dataSync()[0];
      }
    });
    out.d_loss.push(dValue);
    out.g_loss.push(gValue);
    if (keep.has(step)) {
      out.weights[step] = {
        g_params: g.map((v) => Array.from(v.dataSync())),
        d_params: d.map((v) => Array.from(v.dataSync())),
      };
    }
  }
  fs.writeFileSync(process.argv[3], JSON.stringify(out));
}

main();
