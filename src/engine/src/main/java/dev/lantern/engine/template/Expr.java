package dev.lantern.engine.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An expression inside a tag, evaluated to a plain value with jinja2's semantics. */
interface Expr {
    Object eval(Frame f);

    record Const(Object value) implements Expr {
        @Override
        public Object eval(Frame f) {
            return value;
        }
    }

    record Name(String name) implements Expr {
        @Override
        public Object eval(Frame f) {
            return f.lookup(name);
        }
    }

    record Attribute(Expr owner, String name) implements Expr {
        @Override
        public Object eval(Frame f) {
            return Lookup.attribute(owner.eval(f), name);
        }
    }

    record Item(Expr owner, Expr key) implements Expr {
        @Override
        public Object eval(Frame f) {
            return Lookup.item(owner.eval(f), key.eval(f));
        }
    }

    record Slice(Expr owner, Expr start, Expr stop, Expr step) implements Expr {
        @Override
        public Object eval(Frame f) {
            Object target = owner.eval(f);
            return Lookup.slice(target, value(start, f), value(stop, f), value(step, f));
        }

        private static Object value(Expr e, Frame f) {
            return e == null ? null : e.eval(f);
        }
    }

    /**
     * Arguments as written: positional and keyword expressions, then optionally {@code *sequence} and
     * {@code **mapping} spread into them; evaluated per call.
     */
    record Arguments(List<Expr> positional, Map<String, Expr> keywords, Expr spreadPositional, Expr spreadKeywords) {
        static final Arguments NONE = new Arguments(List.of(), Map.of(), null, null);

        Args eval(Frame f) {
            List<Object> values = new ArrayList<>(positional.size());
            positional.forEach(e -> values.add(e.eval(f)));
            if (spreadPositional != null) {
                values.addAll(Py.iterate(spreadPositional.eval(f)));
            }
            Map<String, Object> named = new LinkedHashMap<>();
            keywords.forEach((k, e) -> named.put(k, e.eval(f)));
            if (spreadKeywords != null) {
                if (!(spreadKeywords.eval(f) instanceof Map<?, ?> extra)) {
                    throw new TemplateException("argument after ** must be a mapping");
                }
                extra.forEach((k, v) -> {
                    if (!(k instanceof String name)) {
                        throw new TemplateException("keywords must be strings");
                    }
                    named.put(name, v);
                });
            }
            return new Args(values, named);
        }
    }

    record Call(Expr callee, Arguments arguments) implements Expr {
        @Override
        public Object eval(Frame f) {
            return invoke(callee.eval(f), arguments.eval(f), f);
        }

        static Object invoke(Object target, Args args, Frame f) {
            if (target instanceof Undefined u) {
                throw u.error();
            }
            if (!(target instanceof PyCallable c)) {
                throw new TemplateException("'" + Py.typeName(target) + "' object is not callable");
            }
            f.state.tick();
            return f.state.checkSize(c.call(args, f));
        }
    }

    /** {@code value | name(arguments)}; in a filter block or a set block the value is the captured text. */
    record Filter(Expr value, String name, Arguments arguments) implements Expr {
        @Override
        public Object eval(Frame f) {
            return applyTo(value.eval(f), f);
        }

        Object applyTo(Object input, Frame f) {
            return f.state.checkSize(Filters.apply(name, input, arguments.eval(f), f));
        }
    }

    record Test(Expr value, String name, Arguments arguments) implements Expr {
        @Override
        public Object eval(Frame f) {
            return Tests.apply(name, value.eval(f), arguments.eval(f));
        }
    }

    record Not(Expr operand) implements Expr {
        @Override
        public Object eval(Frame f) {
            return !Py.truthy(operand.eval(f));
        }
    }

    record Negate(Expr operand, boolean minus) implements Expr {
        @Override
        public Object eval(Frame f) {
            Object v = operand.eval(f);
            return minus ? PyMath.negate(v) : PyMath.plus(v);
        }
    }

    record Binary(String op, Expr left, Expr right) implements Expr {
        @Override
        public Object eval(Frame f) {
            Object a = left.eval(f);
            Object b = right.eval(f);
            Object result = op.equals("~") ? PyStr.str(a) + PyStr.str(b) : PyMath.binary(op, a, b, f.state.maxSize());
            return f.state.checkSize(result);
        }
    }

    /** {@code and}/{@code or} return an operand, as Python's do, and evaluate the right one only if needed. */
    record Logical(boolean and, Expr left, Expr right) implements Expr {
        @Override
        public Object eval(Frame f) {
            Object a = left.eval(f);
            return Py.truthy(a) == and ? right.eval(f) : a;
        }
    }

    /** A chain such as {@code a < b <= c} or {@code x not in y}: each link compares neighbours. */
    record Compare(Expr first, List<String> ops, List<Expr> rest) implements Expr {
        @Override
        public Object eval(Frame f) {
            Object left = first.eval(f);
            for (int i = 0; i < ops.size(); i++) {
                Object right = rest.get(i).eval(f);
                if (!compare(ops.get(i), left, right)) {
                    return false;
                }
                left = right;
            }
            return true;
        }

        static boolean compare(String op, Object a, Object b) {
            return switch (op) {
                case "==" -> Py.eq(a, b);
                case "!=" -> !Py.eq(a, b);
                case "in" -> Py.contains(b, a);
                case "notin" -> !Py.contains(b, a);
                case "<" -> Py.compare(a, b, op) < 0;
                case "<=" -> Py.compare(a, b, op) <= 0;
                case ">" -> Py.compare(a, b, op) > 0;
                case ">=" -> Py.compare(a, b, op) >= 0;
                default -> throw new IllegalArgumentException(op);
            };
        }
    }

    /** {@code a if test else b}; without {@code else} a false test gives Undefined, as in jinja2. */
    record Conditional(Expr test, Expr then, Expr otherwise) implements Expr {
        @Override
        public Object eval(Frame f) {
            if (Py.truthy(test.eval(f))) {
                return then.eval(f);
            }
            return otherwise == null ? Undefined.withHint("the inline if expression evaluated to false and no else "
                    + "section was defined.") : otherwise.eval(f);
        }
    }

    record ListLiteral(List<Expr> items, boolean tuple) implements Expr {
        @Override
        public Object eval(Frame f) {
            List<Object> values = new ArrayList<>(items.size());
            items.forEach(e -> values.add(e.eval(f)));
            return tuple ? new PyTuple(values) : values;
        }
    }

    record DictLiteral(List<Expr> keys, List<Expr> values) implements Expr {
        @Override
        public Object eval(Frame f) {
            Map<Object, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                map.put(keys.get(i).eval(f), values.get(i).eval(f));
            }
            return map;
        }
    }
}
