# drill
