#!/usr/bin/env python3
"""The oracle of ChatTemplateConformanceTest: renders every template of the corpus with every conversation
the way transformers' apply_chat_template(..., tokenize=False) does, with the messages prepared two ways: as
transformers takes them (only tool call arguments parsed from their JSON strings), and as vLLM's OpenAI server
prepares them (content as a string or as parts depending on whether the template loops over content, developer
turns as system ones), and writes the outputs or errors as JSON.

Usage: render_oracle.py CONFORMANCE_DIR OUTPUT_DIR
"""
import copy
import datetime
from collections import deque
import glob
import json
import os
import sys

import jinja2
from jinja2.ext import Extension, loopcontrols
from jinja2.sandbox import ImmutableSandboxedEnvironment

# strftime_now reads this instead of the wall clock, so outputs are reproducible; the Java test uses the same.
FIXED_NOW = datetime.datetime(2025, 3, 7, 9, 5, 3)
# The special tokens given to the project's own templates (real templates get their tokenizer's).
OWN_SPECIAL_TOKENS = {"bos_token": "<s>", "eos_token": "</s>", "unk_token": "<unk>", "pad_token": "<pad>",
                      "additional_special_tokens": ["<extra_0>", "<extra_1>"]}
SPECIAL_TOKEN_KEYS = ["bos_token", "eos_token", "unk_token", "sep_token", "pad_token", "cls_token", "mask_token"]
CONTINUE_TAG = "CONTINUE_FINAL_MESSAGE_TAG "


class RaisedByTemplate(jinja2.exceptions.TemplateError):
    pass


class GenerationTag(Extension):
    """transformers' {% generation %} tag: renders its body (the assistant-mask tracking is not needed here)."""
    tags = {"generation"}

    def parse(self, parser):
        lineno = next(parser.stream).lineno
        body = parser.parse_statements(["name:endgeneration"], drop_needle=True)
        return jinja2.nodes.CallBlock(self.call_method("_body"), [], [], body).set_lineno(lineno)

    def _body(self, caller):
        return caller()


def environment():
    def raise_exception(message):
        raise RaisedByTemplate(message)

    def tojson(x, ensure_ascii=False, indent=None, separators=None, sort_keys=False):
        return json.dumps(x, ensure_ascii=ensure_ascii, indent=indent, separators=separators, sort_keys=sort_keys)

    env = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True, extensions=[GenerationTag, loopcontrols])
    env.filters["tojson"] = tojson
    env.globals["raise_exception"] = raise_exception
    env.globals["strftime_now"] = lambda fmt: FIXED_NOW.strftime(fmt)
    return env


def special_tokens(config):
    tokens = {}
    for key in SPECIAL_TOKEN_KEYS:
        value = config.get(key)
        value = value.get("content") if isinstance(value, dict) else value
        if value:
            tokens[key] = value
    extra = [t.get("content") if isinstance(t, dict) else t for t in config.get("additional_special_tokens") or []]
    if extra:
        tokens["additional_special_tokens"] = extra
    return tokens


def choose(templates, name, tools):
    if name is not None:
        return templates[name]
    if tools is not None and "tool_use" in templates:
        return templates["tool_use"]
    return templates["default"]


def prepare(messages):
    """vLLM's preparation: each assistant tool call's arguments, sent as a JSON string, become the parsed value."""
    messages = copy.deepcopy(messages)
    for message in messages:
        if message.get("role") == "assistant" and isinstance(message.get("tool_calls"), list):
            for call in message["tool_calls"]:
                function = call.get("function", {})
                arguments = function.get("arguments")
                if not arguments:
                    function["arguments"] = {}
                elif isinstance(arguments, str):
                    try:
                        function["arguments"] = json.loads(arguments)
                    except ValueError:
                        pass
    return messages


def reads(node, variable, key=None):
    """Whether node reads variable (or its key, as an item or attribute), through filters, tests and slices."""
    if isinstance(node, jinja2.nodes.Filter):
        return node.node is not None and reads(node.node, variable, key)
    if isinstance(node, jinja2.nodes.Test):
        return reads(node.node, variable, key)
    if isinstance(node, jinja2.nodes.Getitem) and isinstance(node.arg, jinja2.nodes.Slice):
        return reads(node.node, variable, key)
    if key is None:
        return isinstance(node, jinja2.nodes.Name) and node.name == variable
    if isinstance(node, jinja2.nodes.Getitem):
        return reads(node.node, variable) and isinstance(node.arg, jinja2.nodes.Const) and node.arg.value == key
    return isinstance(node, jinja2.nodes.Getattr) and reads(node.node, variable) and node.attr == key


def loops_over_content(env, source):
    """vLLM's content format test on jinja2's own syntax tree: a loop over a message's content, or over 'content'."""
    tree = env.parse(source)
    holders, pending = {"messages"}, deque(["messages"])
    while pending:
        held = pending.popleft()
        for assign in tree.find_all(jinja2.nodes.Assign):
            if isinstance(assign.target, jinja2.nodes.Name) and reads(assign.node, held) \
                    and assign.target.name not in holders:
                holders.add(assign.target.name)
                pending.append(assign.target.name)
    loops = list(tree.find_all(jinja2.nodes.For))
    items = {loop.target.name for loop in loops if isinstance(loop.target, jinja2.nodes.Name)
             and any(reads(loop.iter, h) for h in holders)}
    return any((isinstance(loop.iter, jinja2.nodes.Name) and loop.iter.name == "content")
               or any(reads(loop.iter, item, "content") for item in items) for loop in loops)


def texts(content):
    if content is None:
        return []
    if isinstance(content, str):
        return [content]
    return [p if isinstance(p, str) else p["text"] for p in content
            if isinstance(p, str) or (p.get("type") == "text" and isinstance(p.get("text"), str))]


def prepare_as_vllm(env, source, messages):
    """vLLM's OpenAI server: content as the template reads it, empty tool_calls dropped, developer as system."""
    as_parts = loops_over_content(env, source)
    prepared = []
    for message in prepare(messages):
        found = texts(message.get("content"))
        message["content"] = [{"type": "text", "text": t} for t in found] \
            if as_parts and message.get("role") != "tool" else "\n".join(found)
        if message.get("tool_calls") == []:
            del message["tool_calls"]
        prepared.append(message)
    if not any(m.get("role") == "developer" for m in prepared) or "'developer'" in source \
            or '"developer"' in source:
        return prepared
    system, others, merge = [], [], False
    for i, message in enumerate(prepared):
        if message.get("role") == "developer":
            message["role"] = "system"
            message.pop("tools", None)
        if message.get("role") != "system":
            others.append(message)
            continue
        merge = merge or i > 0 or bool(system)
        text = "\n".join(texts(message.get("content")))
        if text:
            system.append(text)
    return [{"role": "system", "content": "\n\n".join(system)}] + others if merge else prepared


def apply_chat_template(env, source, conversation, tokens, preparation):
    add_generation_prompt = conversation.get("add_generation_prompt", False)
    continue_final = conversation.get("continue_final_message", False)
    if continue_final and add_generation_prompt:
        raise ValueError("continue_final_message and add_generation_prompt are not compatible.")
    chat = prepare(conversation["messages"]) if preparation == "transformers" \
        else prepare_as_vllm(env, source, conversation["messages"])
    final_text = None
    if continue_final:
        content = chat[-1]["content"]
        if isinstance(content, (list, tuple)):
            for part in reversed(content):
                if "text" in part:
                    final_text = part["text"]
                    part["text"] = part["text"] + CONTINUE_TAG
                    break
            else:
                raise ValueError("continue_final_message is set but there is no text to continue in the final message")
        else:
            final_text = content
            chat[-1]["content"] = content + CONTINUE_TAG
    variables = {**tokens, **conversation.get("chat_template_kwargs", {})}
    rendered = env.from_string(source).render(messages=chat, tools=conversation.get("tools"),
                                              documents=conversation.get("documents"),
                                              add_generation_prompt=add_generation_prompt, **variables)
    if continue_final:
        if final_text.strip() not in rendered or CONTINUE_TAG.strip() not in rendered:
            raise ValueError("continue_final_message is set but the final message does not appear in the chat "
                             "after applying the chat template")
        at = rendered.rindex(CONTINUE_TAG.strip())
        if rendered[at:at + len(CONTINUE_TAG)] == CONTINUE_TAG:
            rendered = rendered[:at]
        else:
            rendered = rendered[:at].rstrip()
    return rendered


def sources(conformance_dir, output_dir):
    """(id, templates by name, chosen name or None, special tokens, where the Java test loads it from)."""
    for config_path in sorted(glob.glob(os.path.join(output_dir, "models", "*", "tokenizer_config.json"))):
        family = os.path.basename(os.path.dirname(config_path))
        config = json.load(open(config_path, encoding="utf-8"))
        template = config.get("chat_template")
        if not template:
            continue
        named = {t["name"]: t["template"] for t in template} if isinstance(template, list) else {"default": template}
        yield family, named, None, special_tokens(config), {"model": family}
        for name in sorted(named):
            if name not in ("default", "tool_use"):
                yield family + "#" + name, named, name, special_tokens(config), {"model": family, "name": name}
    for path in sorted(glob.glob(os.path.join(conformance_dir, "templates", "*.jinja"))):
        name = os.path.splitext(os.path.basename(path))[0]
        source = open(path, encoding="utf-8").read()
        yield "own:" + name, {"default": source}, None, OWN_SPECIAL_TOKENS, {"file": os.path.basename(path)}


def main():
    conformance_dir, output_dir = sys.argv[1], sys.argv[2]
    conversations = json.load(open(os.path.join(conformance_dir, "conversations.json"), encoding="utf-8"))
    env = environment()
    cases = []
    for template_id, named, name, tokens, origin in sources(conformance_dir, output_dir):
        for conversation, preparation in [(c, p) for c in conversations for p in ("transformers", "vllm")]:
            case = {"template": template_id, "conversation": conversation["name"], "preparation": preparation,
                    "origin": origin, "special_tokens": tokens, "output": None, "error": None, "raised": False}
            try:
                source = choose(named, name, conversation.get("tools"))
                case["output"] = apply_chat_template(env, source, conversation, tokens, preparation)
            except RaisedByTemplate as e:
                case["error"], case["raised"] = str(e), True
            except Exception as e:  # every other failure only has to be a failure in Lantern too
                case["error"] = type(e).__name__ + ": " + str(e)
            cases.append(case)
    templates = len({c["template"] for c in cases})
    with open(os.path.join(output_dir, "templates-expected.json"), "w", encoding="utf-8") as f:
        json.dump({"jinja2": jinja2.__version__, "now": FIXED_NOW.isoformat(), "templates": templates,
                   "conversations": len(conversations), "cases": cases}, f, ensure_ascii=False, indent=1)
    errors = sum(1 for c in cases if c["error"])
    print(f"[conformance] jinja2 {jinja2.__version__}: {templates} templates x {len(conversations)} conversations"
          f" x 2 preparations = {len(cases)} cases ({errors} expected errors)")


if __name__ == "__main__":
    main()
