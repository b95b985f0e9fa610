// SPDX-License-Identifier: MIT
// The compact "notes" schema (a subset of the plan schema) and the strict-mode form of a schema.
#include "engine/llm/Schemas.h"

#include <QJsonArray>

namespace pianola::engine::llm {

namespace {
// `node` with every {"$ref": "#/$defs/x", ...} replaced by the definition, its siblings kept.
QJsonValue inlineRefs(const QJsonValue& node, const QJsonObject& defs, int depth = 0)
{
    if (depth > 32) return node; // the schemas are not recursive; a guard all the same
    if (node.isArray()) {
        QJsonArray out;
        for (const QJsonValue& v : node.toArray())
            out.append(inlineRefs(v, defs, depth + 1));
        return out;
    }
    if (!node.isObject()) return node;
    QJsonObject o = node.toObject();
    if (o.contains(QLatin1String("$ref"))) {
        const QString ref = o.take(QLatin1String("$ref")).toString();
        QJsonObject def =
            inlineRefs(defs.value(ref.section(QLatin1Char('/'), -1)), defs, depth + 1).toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            def.insert(it.key(), it.value()); // the sibling description wins
        return def;
    }
    for (auto it = o.begin(); it != o.end(); ++it)
        it.value() = inlineRefs(it.value(), defs, depth + 1);
    return o;
}

// An object schema with only `keys` of `from`'s properties, all required.
QJsonObject pick(const QJsonObject& from, const QStringList& keys, const QString& description)
{
    const QJsonObject props = from.value(QLatin1String("properties")).toObject();
    QJsonObject picked;
    for (const QString& k : keys)
        picked.insert(k, props.value(k));
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("object")},
                       {QStringLiteral("description"), description},
                       {QStringLiteral("properties"), picked},
                       {QStringLiteral("required"), QJsonArray::fromStringList(keys)}};
}

// The JSON type of an enum's values, for strict mode ("string", "integer" or "number").
QString enumType(const QJsonArray& values)
{
    bool integers = true;
    for (const QJsonValue& v : values) {
        if (v.isString()) return QStringLiteral("string");
        integers = integers && v.toDouble() == double(v.toInteger());
    }
    return integers ? QStringLiteral("integer") : QStringLiteral("number");
}

QJsonValue strict(const QJsonValue& node)
{
    if (node.isArray()) {
        QJsonArray out;
        for (const QJsonValue& v : node.toArray())
            out.append(strict(v));
        return out;
    }
    if (!node.isObject()) return node;
    QJsonObject o = node.toObject();
    for (const char* unsupported : {"default", "examples", "title", "not", "oneOf", "$defs"})
        o.remove(QLatin1String(unsupported));
    if (o.contains(QLatin1String("enum")) && !o.contains(QLatin1String("type")))
        o.insert(QStringLiteral("type"), enumType(o.value(QLatin1String("enum")).toArray()));
    for (const char* nested : {"items", "anyOf"})
        if (o.contains(QLatin1String(nested)))
            o.insert(QLatin1String(nested), strict(o.value(QLatin1String(nested))));
    if (!o.contains(QLatin1String("properties"))) return o;
    const QJsonArray required = o.value(QLatin1String("required")).toArray();
    QJsonObject props = o.value(QLatin1String("properties")).toObject();
    QStringList all;
    for (auto it = props.begin(); it != props.end(); ++it) {
        all.append(it.key());
        const QJsonValue sub = strict(it.value());
        // Optional: null stands for "left out" (dropNullMembers() removes it from replies).
        it.value() = required.contains(it.key())
                         ? sub
                         : QJsonObject{{QStringLiteral("anyOf"),
                                        QJsonArray{sub, QJsonObject{{QStringLiteral("type"),
                                                                     QStringLiteral("null")}}}}};
    }
    o.insert(QStringLiteral("properties"), props);
    o.insert(QStringLiteral("required"), QJsonArray::fromStringList(all));
    o.insert(QStringLiteral("additionalProperties"), false);
    o.remove(QStringLiteral("anyOf")); // object-level alternatives (vel/velocity) are gone too
    return o;
}
} // namespace

QJsonObject notesSchema()
{
    static const QJsonObject schema = [] {
        const QJsonObject plan = planSchema();
        const QJsonObject defs = plan.value(QLatin1String("$defs")).toObject();
        QJsonObject note = pick(defs.value(QLatin1String("note")).toObject(),
                                {"key", "vel", "start", "length"}, QStringLiteral("A note."));
        QJsonObject track = pick(defs.value(QLatin1String("track")).toObject(),
                                 {"name", "channel", "program", "notes"},
                                 QStringLiteral("One instrument on one MIDI channel."));
        QJsonObject props = track.value(QLatin1String("properties")).toObject();
        props.insert(QStringLiteral("notes"),
                     QJsonObject{{QStringLiteral("type"), QStringLiteral("array")},
                                 {QStringLiteral("items"), note},
                                 {QStringLiteral("description"), QStringLiteral("The notes.")}});
        track.insert(QStringLiteral("properties"), props);
        QJsonObject root = pick(plan, {"ppq", "bpm", "timeSignature", "key", "tracks"},
                                plan.value(QLatin1String("description")).toString());
        props = root.value(QLatin1String("properties")).toObject();
        props.insert(QStringLiteral("timeSignature"),
                     pick(defs.value(QLatin1String("timeSignature")).toObject(),
                          {"numerator", "denominator"}, QStringLiteral("The meter, e.g. 4/4.")));
        props.insert(QStringLiteral("tracks"),
                     QJsonObject{{QStringLiteral("type"), QStringLiteral("array")},
                                 {QStringLiteral("minItems"), 1},
                                 {QStringLiteral("items"), track},
                                 {QStringLiteral("description"),
                                  QStringLiteral("The instruments, channel 9 for drums.")}});
        root.insert(QStringLiteral("properties"), props);
        return inlineRefs(root, defs).toObject();
    }();
    return schema;
}

QJsonObject strictSchema(const QJsonObject& schema)
{
    const QJsonObject defs = schema.value(QLatin1String("$defs")).toObject();
    return strict(inlineRefs(schema, defs)).toObject();
}

} // namespace pianola::engine::llm
