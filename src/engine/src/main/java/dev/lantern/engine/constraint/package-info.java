/**
 * The constraint engine (issue 20): JSON Schemas and tool-call formats compiled to byte-level grammars, matched
 * against a model's vocabulary so that at every step the tokens that cannot continue a valid document are masked
 * and end-of-sequence comes only when the document is complete. It owns grammars, matcher states and masks; it
 * does not sample (the mask is applied by {@code sampling.ConstrainedDecoding}) and knows nothing of HTTP.
 *
 * <p><b>Use.</b> {@link dev.lantern.engine.constraint.JsonSchemaGrammar#compile} ({@code json_schema}),
 * {@link dev.lantern.engine.constraint.JsonSchemaGrammar#anyObject} ({@code json_object}) or
 * {@link dev.lantern.engine.constraint.ToolCallGrammar} give a {@link dev.lantern.engine.constraint.Grammar};
 * bound to {@code LanguageModel.vocabulary()} it is a {@link dev.lantern.engine.constraint.TokenConstraint}, which
 * goes into {@code GenerationSettings.constraint}. A constraint caches masks per matcher node: keep one per
 * (schema, model). An {@link dev.lantern.engine.constraint.UnsupportedSchemaException} names the keyword path.
 *
 * <p><b>Design.</b> Each rule is a deterministic automaton over bytes whose nodes may call other rules.
 * Subschemas are inlined into their parent's automaton; {@code $ref} targets, free values and array items repeated
 * more than three times are rules, called one level deeper each time, to a depth of 12 — so calls form no cycle,
 * recursion is finite, and nodes that cannot complete are pruned away (no live state is a dead end). A row's
 * state is an immutable set of threads (node, persistent stack). Masks follow XGrammar: for each node, a walk of the
 * vocabulary's byte trie computes once the tokens accepted inside the node's rule, whatever the stack; tokens
 * that leave the rule are matched at mask time against the row's real continuation.
 *
 * <p><b>Documents.</b> Compact JSON by default (no whitespace; {@link dev.lantern.engine.constraint.JsonLayout}),
 * properties in schema order, optional ones skippable; strings spelled one way (UTF-8, short escapes, lower-case
 * six-character escapes for other control characters; no surrogate escapes); integers without leading zeros or
 * {@code -0}, at most 15 digits, fractions at most 15, exponents at most 3.
 *
 * <p><b>Keywords.</b> {@code type} (string or list), {@code enum}, {@code const} (with {@code type} only),
 * {@code properties}, {@code required}, {@code additionalProperties} (false, true or a schema; when absent: no
 * other keys if {@code properties} is given, any keys otherwise), {@code items}, {@code prefixItems}, draft-4 tuple
 * {@code items} with {@code additionalItems} (absent after a tuple: no more items unless {@code minItems} needs
 * them), {@code minItems}, {@code maxItems}, {@code anyOf}, {@code oneOf} (only when no value can match two
 * branches: disjoint types or literals, or a required const/enum discriminator), an {@code allOf} of one schema,
 * {@code $ref} to {@code #...} JSON pointers ({@code $defs}, {@code definitions}), OpenAPI {@code nullable},
 * {@code minLength}/{@code maxLength} (in code points), {@code pattern}, {@code format} {@code date},
 * {@code time}, {@code date-time}, {@code uuid}, {@code email} (subsets every validator accepts; see
 * {@code StringFormats}), {@code minimum}/{@code maximum}/{@code exclusiveMinimum}/{@code exclusiveMaximum} for
 * integers, and integral {@code minimum}/{@code maximum} for numbers. Annotations (title, description, default,
 * examples, $schema, $id, $comment, deprecated, readOnly, writeOnly) are ignored. Everything else is refused.
 * Without {@code type}, a schema allows the types its keywords constrain ({@code properties} → object, ...), or
 * every type when it has none of them.
 *
 * <p><b>Regular expressions</b> ({@code pattern}, search semantics unless anchored): literals, {@code .} (no line
 * terminator), classes {@code [a-z0-9_]} and {@code [^...]}, {@code \d \w \s} and their negations (ASCII),
 * escapes {@code \n \r \t \f \v \xHH} and the four-hex-digit unicode escape, groups {@code (...)} and
 * {@code (?:...)}, alternation, quantifiers {@code * + ? {n} {n,} {n,m}} (lazy forms accepted, bounds up to
 * 1000), {@code ^} and {@code $} at the ends of top-level alternatives. Refused: lookaround, backreferences,
 * {@code \b}, {@code \p{...}}, possessive quantifiers, anchors elsewhere.
 */
package dev.lantern.engine.constraint;
