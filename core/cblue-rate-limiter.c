/* SPDX-License-Identifier: LGPL-2.1-or-later */

#include "config.h"

#include <math.h>

#include "cblue-rate-limiter-private.h"

/*
 * Per-client token buckets: each key gets @burst tokens, refilled at @rate tokens per
 * second; a message takes one. The buckets are spread over shards, each with its own
 * mutex, so that the listener threads rarely wait for each other. A shard that grows past
 * CBLUE_RATE_LIMITER_SHARD_MAX keys drops the buckets that are full again (their clients
 * have been quiet long enough), which bounds the memory a flood of addresses can take.
 */

#define CBLUE_RATE_LIMITER_SHARDS    16
#define CBLUE_RATE_LIMITER_SHARD_MAX 8192

typedef struct {
	gdouble tokens;
	gint64 last_usec;
} CblueRateBucket;

typedef struct {
	GMutex mutex;
	GHashTable *buckets; /* owned: key (owned) → CblueRateBucket (owned) */
} CblueRateShard;

struct _CblueRateLimiter {
	gdouble rate;  /* tokens per second */
	gdouble burst; /* bucket size */
	CblueRateShard shards[CBLUE_RATE_LIMITER_SHARDS];
};

CblueRateLimiter *
cblue_rate_limiter_new(gdouble rate, gdouble burst)
{
	CblueRateLimiter *self = g_new0(CblueRateLimiter, 1);
	self->rate = MAX(rate, 0.001);
	self->burst = MAX(burst, 1.0);
	for (guint i = 0; i < CBLUE_RATE_LIMITER_SHARDS; i++) {
		g_mutex_init(&self->shards[i].mutex);
		self->shards[i].buckets = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, g_free);
	}
	return self;
}

void
cblue_rate_limiter_free(CblueRateLimiter *self)
{
	for (guint i = 0; i < CBLUE_RATE_LIMITER_SHARDS; i++) {
		g_hash_table_unref(self->shards[i].buckets);
		g_mutex_clear(&self->shards[i].mutex);
	}
	g_free(self);
}

static void
cblue_rate_limiter_refill(CblueRateLimiter *self, CblueRateBucket *bucket, gint64 now_usec)
{
	gdouble elapsed = (gdouble)MAX(now_usec - bucket->last_usec, 0) / G_USEC_PER_SEC;
	bucket->tokens = MIN(self->burst, bucket->tokens + elapsed * self->rate);
	bucket->last_usec = now_usec;
}

/* drops the buckets that are full again: keeping them or not makes no difference */
static void
cblue_rate_limiter_prune_locked(CblueRateLimiter *self, CblueRateShard *shard, gint64 now_usec)
{
	GHashTableIter iter;
	gpointer value;

	g_hash_table_iter_init(&iter, shard->buckets);
	while (g_hash_table_iter_next(&iter, NULL, &value)) {
		CblueRateBucket *bucket = value;
		cblue_rate_limiter_refill(self, bucket, now_usec);
		if (bucket->tokens >= self->burst)
			g_hash_table_iter_remove(&iter);
	}
}

/*
 * Takes one token for @key. Returns %FALSE when the bucket is empty, with the number of
 * whole seconds after which a token will be there in @retry_after.
 */
gboolean
cblue_rate_limiter_take(CblueRateLimiter *self, const gchar *key, gint64 now_usec, guint *retry_after)
{
	CblueRateShard *shard = &self->shards[g_str_hash(key) % CBLUE_RATE_LIMITER_SHARDS];
	g_autoptr(GMutexLocker) locker = g_mutex_locker_new(&shard->mutex);
	CblueRateBucket *bucket = g_hash_table_lookup(shard->buckets, key);

	if (bucket == NULL) {
		if (g_hash_table_size(shard->buckets) >= CBLUE_RATE_LIMITER_SHARD_MAX)
			cblue_rate_limiter_prune_locked(self, shard, now_usec);
		bucket = g_new0(CblueRateBucket, 1);
		bucket->tokens = self->burst;
		bucket->last_usec = now_usec;
		g_hash_table_insert(shard->buckets, g_strdup(key), bucket);
	} else {
		cblue_rate_limiter_refill(self, bucket, now_usec);
	}
	if (bucket->tokens >= 1.0) {
		bucket->tokens -= 1.0;
		return TRUE;
	}
	if (retry_after != NULL)
		*retry_after = (guint)MAX(1.0, ceil((1.0 - bucket->tokens) / self->rate));
	return FALSE;
}

/* the number of buckets held, for tests */
guint
cblue_rate_limiter_get_size(CblueRateLimiter *self)
{
	guint size = 0;
	for (guint i = 0; i < CBLUE_RATE_LIMITER_SHARDS; i++) {
		g_mutex_lock(&self->shards[i].mutex);
		size += g_hash_table_size(self->shards[i].buckets);
		g_mutex_unlock(&self->shards[i].mutex);
	}
	return size;
}
