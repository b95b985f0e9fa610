// A widget that reaches into the engine: the layering check must refuse it.
#include "engine/playback/Transport.h"
