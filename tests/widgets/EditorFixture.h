// SPDX-License-Identifier: MIT
// For widget tests of the editor's views: a fake document that applies what the views submit to
// its project (and undoes it), and an EditorState showing that project's one take.
#pragma once

#include "model/Edit.h"
#include "model/Project.h"
#include "widgets/EditorState.h"
#include "widgets/EditSink.h"
#include "widgets/PlanSource.h"

#include <QString>
#include <utility>
#include <vector>

namespace pianola::test {

/// Records what the views submit and applies it to its project, like the app's document.
class FakeSink : public widgets::EditSink
{
public:
    model::Project project;
    widgets::EditContext* context = nullptr; ///< told after each edit, like the app's Session
    std::vector<std::pair<model::Edit, QString>> submitted;

    bool submit(model::Edit edit, const QString& text) override
    {
        if (!model::applyEdit(project, edit)) return false;
        submitted.emplace_back(std::move(edit), text);
        context->notifyPlanChanged();
        return true;
    }
    /// Takes the last edit back.
    bool undo()
    {
        if (submitted.empty() || !model::applyEdit(project, model::inverse(submitted.back().first)))
            return false;
        submitted.pop_back();
        context->notifyPlanChanged();
        return true;
    }
};

/// `plan` as take 7 of the fake document, shown on its first track.
struct EditorFixture
{
    FakeSink sink;
    widgets::ProjectPlans plans{sink.project};
    widgets::EditorState state;

    explicit EditorFixture(model::Plan plan)
    {
        plan.normalize();
        plan.assignTrackIds();
        model::Take take;
        take.id = 7;
        take.plan = std::move(plan);
        sink.project.takes.push_back(std::move(take));
        sink.project.activeTake = 7;
        sink.context = &state.context();
        state.context().setSink(&sink);
        state.context().setSource(&plans);
        state.context().setTake(7);
        state.context().setCurrentTrack(0);
    }
};

} // namespace pianola::test
