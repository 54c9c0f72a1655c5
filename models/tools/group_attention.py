"""Rewrites a Llama-style decoder exported by torch.onnx (Hugging Face repeat_kv) so that grouped-query
attention no longer copies the key/value heads: the Unsqueeze -> Expand -> Reshape of repeat_kv goes, the
query heads are grouped per key/value head ([B, kv, heads/kv, S, D]) and MatMul broadcasts the keys and
values over the group axis ([B, kv, 1, T, D]). Inputs, outputs and arithmetic stay the same; only the copy
(which grows with batch x context) is gone.

Usage: /usr/bin/python3 group_attention.py MODEL_DIR IN.onnx OUT.onnx   (needs python3-onnx; config.json gives
num_attention_heads, num_key_value_heads and head_dim)
"""
import collections
import json
import sys

import numpy as np
import onnx
from onnx import helper, numpy_helper

model_dir, src, dst = sys.argv[1], sys.argv[2], sys.argv[3]
config = json.load(open(f'{model_dir}/config.json'))
heads = config['num_attention_heads']
kv_heads = config['num_key_value_heads']
head_dim = config.get('head_dim', config['hidden_size'] // heads)
m = onnx.load(src)
g = m.graph
before = len(g.node)
prod = {o: n for n in g.node for o in n.output}
cons = collections.defaultdict(list)
for n in g.node:
    for i in n.input:
        cons[i].append(n)
group = heads // kv_heads
new_nodes, new_inits = [], []
def const(name, values):
    new_inits.append(numpy_helper.from_array(np.array(values, dtype=np.int64), name))
    return name
const('grouped/q_shape', [0, kv_heads, group, -1, head_dim])
const('grouped/out_shape', [0, heads, -1, head_dim])
const('grouped/axis2', [2])
masks = {}
dead = set()
layers = 0
for ex in [n for n in g.node if n.op_type == 'Expand']:
    unsq = prod[ex.input[0]]                      # [B, kv, 1, T, D]
    reshape = cons[ex.output[0]][0]               # [B, heads, T, D]
    users = cons[reshape.output[0]]
    assert len(users) == 1, users
    user = users[0]
    p = ex.name.rsplit('/', 1)[0] + '/grouped_'
    if user.op_type == 'Transpose':               # keys: K^T then Q @ K^T
        qk = cons[user.output[0]][0]
        assert qk.op_type == 'MatMul'
        kt = p + 'kt'
        new_nodes.append(helper.make_node('Transpose', [unsq.output[0]], [kt], perm=[0, 1, 2, 4, 3], name=kt))
        qg = p + 'q'
        new_nodes.append(helper.make_node('Reshape', [qk.input[0], 'grouped/q_shape'], [qg], name=qg))
        qk.input[0], qk.input[1] = qg, kt         # -> [B, kv, group, S, T]
        n = qk
        while n.op_type != 'Softmax':             # scale, mask, casts: broadcast; the mask gets a group axis
            n = cons[n.output[0]][0]
            if n.op_type == 'Add':
                other = 1 if prod.get(n.input[0]) is not None and prod[n.input[0]].op_type in ('Div', 'Mul') else 0
                mask = n.input[other]
                if mask not in masks:
                    if masks:
                        raise SystemExit('more than one attention mask: ' + ', '.join([*masks, mask]))
                    masks[mask] = 'grouped/mask'
                    new_nodes.append(helper.make_node('Unsqueeze', [mask, 'grouped/axis2'], ['grouped/mask'],
                                                      name='grouped/mask'))
                n.input[other] = masks[mask]
        for a in n.attribute:
            if a.name == 'axis':
                a.i = -1
        dead.update([user.name, reshape.name, ex.name])
        layers += 1
    elif user.op_type == 'MatMul':                # values: attn @ V
        av = user
        out = av.output[0]
        grouped_out = p + 'av'
        av.input[1] = unsq.output[0]              # [B, kv, 1, T, D]
        av.output[0] = grouped_out                # [B, kv, group, S, D]
        new_nodes.append(helper.make_node('Reshape', [grouped_out, 'grouped/out_shape'], [out], name=p + 'out'))
        dead.update([reshape.name, ex.name])
    else:
        raise SystemExit('unexpected consumer ' + user.op_type)
if layers == 0:
    raise SystemExit(f'{src}: no repeat_kv (Unsqueeze -> Expand -> Reshape) to regroup')
kept = [n for n in g.node if n.name not in dead]
del g.node[:]
g.node.extend(kept + new_nodes)
g.initializer.extend(new_inits)
# drop nodes whose outputs nobody reads any more (the shape arithmetic of the removed Expand/Reshape)
outputs = {o.name for o in g.output}
while True:
    used = {i for n in g.node for i in n.input} | outputs
    unused = [n for n in g.node if not any(o in used for o in n.output)]
    if not unused:
        break
    for n in unused:
        g.node.remove(n)
del g.value_info[:]
# topological order
order, seen = [], set(i.name for i in g.input) | set(i.name for i in g.initializer) | {''}
pending = list(g.node)
while pending:
    rest = []
    for n in pending:
        if all(i in seen for i in n.input):
            order.append(n); seen.update(n.output)
        else:
            rest.append(n)
    if len(rest) == len(pending):
        raise SystemExit('cycle or missing input: ' + rest[0].name)
    pending = rest
del g.node[:]
g.node.extend(order)
onnx.checker.check_model(m)
onnx.save(m, dst)
print(f'{src}: {layers} layers regrouped, {before} -> {len(g.node)} nodes')
