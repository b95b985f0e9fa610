// SPDX-License-Identifier: MIT
// The instructions, context and correction messages sent to the model.
#include "engine/llm/Instructions.h"

#include "engine/llm/Schemas.h"

namespace pianola::engine::llm {

namespace {
QString briefInstructions()
{
    return QStringLiteral(
        "You are the arranger inside Pianola, a piano-roll MIDI editor. Turn the user's request "
        "into a generation brief for Pianola's music-theory generator: one JSON object that "
        "follows the pianola_brief schema (genre, parts with General MIDI programs and "
        "registers, tonic, mode, bpm, meter, bars, mood, density, complexity, chord extensions, "
        "voicing, humanize, swing, drum directives). Fill in only what the request asks for or "
        "clearly implies; Pianola takes the rest from the genre's defaults. Reply with the JSON "
        "object only, no prose.");
}

QString notesInstructions(const ReplyLimits& l)
{
    return QStringLiteral(
               "You are the composer inside Pianola, a piano-roll MIDI editor. Write the music "
               "the user asks for as one JSON object in the pianola_plan schema: \"ppq\" (use "
               "480), \"bpm\", \"timeSignature\", \"key\" and \"tracks\", each track with "
               "\"name\", \"channel\" (9 for drums, else 0-8 or 10-15), \"program\" (General "
               "MIDI 0-127) and \"notes\" as {\"key\": 0-127, \"vel\": 1-127, \"start\": tick, "
               "\"length\": ticks}. Times are whole ticks from 0; a quarter note lasts ppq "
               "ticks. Limits: tempo %1-%2 bpm, at most %3 bars, %4 notes and %5 tracks, at "
               "least one note. Reply with the JSON object only, no prose.")
        .arg(l.minBpm)
        .arg(l.maxBpm)
        .arg(l.maxBars)
        .arg(l.maxNotes)
        .arg(l.maxTracks);
}

// Brief mode with a take: the model says what the line does to the take, and briefs one part.
QString briefInContextInstructions()
{
    return QStringLiteral(
        " A take is playing (described in the user's message). Set \"intent\": its \"action\" "
        "is what the request does to the take (\"add part\", \"regenerate part\", \"remove "
        "part\", \"change\" for a variation such as darker or busier, or \"new song\" only "
        "when the user starts afresh), \"part\" the role it adds, regenerates or removes, and "
        "\"fromBar\"/\"toBar\" a region when one is named. For a part, \"parts\" holds that "
        "one part (program, register) and the other fields its mood, density, complexity, chord "
        "colour and feel; Pianola writes it for the take, keeping the take's tempo, meter, key, "
        "length and chords and its other tracks.");
}

QString variationInstructions()
{
    return QStringLiteral(
        " The request changes the current take described in the user's message (tempo, "
        "meter, key, then each track's notes as start:key:length:velocity in ticks): keep "
        "everything it does not ask to change.");
}
} // namespace

Conversation initialConversation(const GenerationRequest& request)
{
    Conversation c;
    const bool notes = request.mode == ReplyMode::Notes;
    c.system = notes ? notesInstructions(request.limits) : briefInstructions();
    QString user = QString::fromStdString(request.prompt);
    if (request.parent) {
        c.system += notes ? variationInstructions() : briefInContextInstructions();
        user += QStringLiteral("\n\nThe current take:\n") +
                QString::fromStdString(describeTake(*request.parent, request.selection));
        if (const std::string scope = describeScope(request.scope, request.parent->plan);
            !scope.empty())
            user += QStringLiteral(
                        "\n\nThe user narrowed this request to %1 of the current take: change "
                        "nothing outside it.")
                        .arg(QString::fromStdString(scope));
    }
    c.turns.push_back({false, user});
    c.schemaName = notes ? QStringLiteral("pianola_plan") : QStringLiteral("pianola_brief");
    c.schemaDescription = notes ? QStringLiteral("A piece of music as a Pianola plan")
                                : QStringLiteral("A generation brief for Pianola's generator");
    c.schema = notes ? notesSchema() : briefSchema();
    return c;
}

QString correctionMessage(const std::string& problems)
{
    return QStringLiteral("Your reply was not valid. Pianola found these problems (JSON path: "
                          "reason):\n%1\nReply again with the whole corrected JSON object only.")
        .arg(QString::fromStdString(problems));
}

QString checkRepairMessage(const std::string& failed, bool brief)
{
    return QStringLiteral("Your reply was valid, but the music %1 does not do what the user "
                          "asked. Pianola measured it on the notes; these checks fail (check: "
                          "what was asked, what was measured):\n%2\nReply again with the whole "
                          "corrected JSON object only, keeping what already matches the request.")
        .arg(brief ? QStringLiteral("made from it") : QStringLiteral("it holds"),
             QString::fromStdString(failed));
}

} // namespace pianola::engine::llm
