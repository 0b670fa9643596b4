-- Nothing to change: the trigram GIN index on tracking_numbers.number keeps itself in step.
-- The version exists so that both databases share one migration history (see the SQLite V3).
SELECT 1;
