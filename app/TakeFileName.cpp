// SPDX-License-Identifier: MIT
// Take file names.
#include "app/TakeFileName.h"

#include "engine/generate/Interpreter.h"

#include <algorithm>
#include <cmath>
#include <QRegularExpression>
#include <QStringList>

namespace pianola::app {

namespace {
// "lo-fi" -> "lofi", "F#" -> "fsharp": letters and digits only.
QString slug(QString text)
{
    text = text.toLower().replace(QLatin1Char('#'), QStringLiteral("sharp"));
    return text.remove(QRegularExpression(QStringLiteral("[^a-z0-9]")));
}

QString styleOf(const model::Take& take)
{
    if (take.provenance.prompt.empty()) return {};
    static constexpr std::string_view kGenre = "genre: ";
    for (const std::string& u : engine::generate::interpret(take.provenance.prompt).understood)
        if (u.rfind(kGenre, 0) == 0) {
            const std::string rest = u.substr(kGenre.size());
            return slug(QString::fromStdString(rest.substr(0, rest.find(' '))));
        }
    return {};
}
} // namespace

QString takeFileStem(const model::Project& project, model::TakeId id)
{
    const auto it = std::find_if(project.takes.begin(), project.takes.end(),
                                 [id](const model::Take& t) { return t.id == id; });
    if (it == project.takes.end()) return QStringLiteral("take");
    const model::Plan& plan = it->plan;
    QStringList parts;
    if (const QString style = styleOf(*it); !style.isEmpty()) parts << style;
    if (!plan.keySignatures.empty()) {
        const model::KeySignature& key = plan.keySignatures.front();
        parts << slug(QString::fromStdString(model::keySignatureTonic(key))) +
                     (key.minor ? "m" : "");
    }
    if (!plan.tempos.empty())
        parts << QString::number(std::lround(plan.initialBpm())) + QStringLiteral("bpm");
    parts << QStringLiteral("take%1").arg(it - project.takes.begin() + 1);
    return parts.join(QLatin1Char('-')).left(60);
}

} // namespace pianola::app
