/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include "cblue-hit.h"

#include <string.h>

/* Topic ids of up to this many bytes (the NUL included) are kept in the hit itself: a
 * message creates about ten hits, and copying the id to the heap and freeing it was a
 * tenth of a hit's cost. Longer ids are copied to the heap. */
#define CBLUE_HIT_INLINE_ID_SIZE 48

/**
 * CblueHit:
 *
 * One scored KB topic returned by a [iface@Retriever].
 *
 * The `score` is the retriever's own (e.g. BM25) and only comparable within one search; the
 * `confidence` is calibrated from 0 to 1 (how much of the question the topic explains),
 * and is what the bot's answer/clarify/unknown decision reads.
 *
 * Since: 1.0
 */
struct _CblueHit {
	GObject parent_instance;
	gchar *topic_id; /* inline_id, or an owned copy when it does not fit */
	gdouble score;
	gdouble confidence;
	gchar inline_id[CBLUE_HIT_INLINE_ID_SIZE];
};

G_DEFINE_TYPE(CblueHit, cblue_hit, G_TYPE_OBJECT)

static void
cblue_hit_finalize(GObject *object)
{
	/* unchecked casts: finalize only ever gets a CblueHit, and a message frees ten of them */
	CblueHit *self = (CblueHit *)object;
	if (self->topic_id != self->inline_id)
		g_free(self->topic_id);
	((GObjectClass *)cblue_hit_parent_class)->finalize(object);
}

static void
cblue_hit_class_init(CblueHitClass *klass)
{
	G_OBJECT_CLASS(klass)->finalize = cblue_hit_finalize;
}

static void
cblue_hit_init(CblueHit *self)
{
}

/**
 * cblue_hit_new:
 * @topic_id: the topic
 * @score: the retriever's raw score
 * @confidence: the calibrated confidence, 0 to 1
 *
 * Returns: (transfer full): a new #CblueHit
 *
 * Since: 1.0
 */
CblueHit *
cblue_hit_new(const gchar *topic_id, gdouble score, gdouble confidence)
{
	CblueHit *self;
	gsize size;
	g_return_val_if_fail(topic_id != NULL, NULL);
	/* no properties to set: skips g_object_new()'s walk of its variadic list */
	self = (CblueHit *)g_object_new_with_properties(CBLUE_TYPE_HIT, 0, NULL, NULL);
	size = strlen(topic_id) + 1;
	self->topic_id = size <= sizeof(self->inline_id) ? memcpy(self->inline_id, topic_id, size)
							 : g_memdup2(topic_id, size);
	self->score = score;
	self->confidence = CLAMP(confidence, 0.0, 1.0);
	return self;
}

/**
 * cblue_hit_get_topic_id:
 * @self: a #CblueHit
 *
 * Returns: the topic identifier
 *
 * Since: 1.0
 */
const gchar *
cblue_hit_get_topic_id(CblueHit *self)
{
	g_return_val_if_fail(CBLUE_IS_HIT(self), NULL);
	return self->topic_id;
}

/**
 * cblue_hit_get_score:
 * @self: a #CblueHit
 *
 * Returns: the raw score
 *
 * Since: 1.0
 */
gdouble
cblue_hit_get_score(CblueHit *self)
{
	g_return_val_if_fail(CBLUE_IS_HIT(self), 0);
	return self->score;
}

/**
 * cblue_hit_get_confidence:
 * @self: a #CblueHit
 *
 * Returns: the calibrated confidence, 0 to 1
 *
 * Since: 1.0
 */
gdouble
cblue_hit_get_confidence(CblueHit *self)
{
	g_return_val_if_fail(CBLUE_IS_HIT(self), 0);
	return self->confidence;
}

/**
 * cblue_hit_set_score:
 * @self: a #CblueHit
 * @score: the raw score
 *
 * Sets the score, e.g. after fusion.
 *
 * Since: 1.0
 */
void
cblue_hit_set_score(CblueHit *self, gdouble score)
{
	g_return_if_fail(CBLUE_IS_HIT(self));
	self->score = score;
}

/**
 * cblue_hit_set_confidence:
 * @self: a #CblueHit
 * @confidence: the calibrated confidence, 0 to 1
 *
 * Sets the confidence.
 *
 * Since: 1.0
 */
void
cblue_hit_set_confidence(CblueHit *self, gdouble confidence)
{
	g_return_if_fail(CBLUE_IS_HIT(self));
	self->confidence = CLAMP(confidence, 0.0, 1.0);
}

/**
 * cblue_hit_compare:
 * @a: a #CblueHit
 * @b: a #CblueHit
 *
 * Orders hits best first: by score, then by topic for a stable order.
 *
 * Returns: negative if @a ranks before @b
 *
 * Since: 1.0
 */
gint
cblue_hit_compare(CblueHit *a, CblueHit *b)
{
	if (a->score > b->score)
		return -1;
	if (a->score < b->score)
		return 1;
	return g_strcmp0(a->topic_id, b->topic_id);
}
