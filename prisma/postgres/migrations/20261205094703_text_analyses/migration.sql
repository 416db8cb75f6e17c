-- CreateTable
CREATE TABLE "TextAnalysis" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "responseId" TEXT,
    "answerId" TEXT,
    "interactionId" TEXT,
    "isComment" BOOLEAN NOT NULL DEFAULT false,
    "language" TEXT NOT NULL,
    "sentiment" DOUBLE PRECISION,
    "label" TEXT NOT NULL,
    "analyserVersion" INTEGER NOT NULL,
    "taxonomyVersion" INTEGER NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "analysedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TextAnalysis_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TextThemeMatch" (
    "id" TEXT NOT NULL,
    "analysisId" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "themeKey" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "responseId" TEXT,
    "interactionId" TEXT,
    "isComment" BOOLEAN NOT NULL DEFAULT false,
    "sentiment" DOUBLE PRECISION,
    "occurredAt" TIMESTAMP(3) NOT NULL,
    "spans" JSONB NOT NULL,

    CONSTRAINT "TextThemeMatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TextTaxonomy" (
    "orgId" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TextTaxonomy_pkey" PRIMARY KEY ("orgId")
);

-- CreateTable
CREATE TABLE "TextTheme" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TextTheme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TextThemePhrase" (
    "id" TEXT NOT NULL,
    "orgId" TEXT NOT NULL,
    "themeId" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "phrase" TEXT NOT NULL,

    CONSTRAINT "TextThemePhrase_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TextAnalysis_answerId_key" ON "TextAnalysis"("answerId");

-- CreateIndex
CREATE UNIQUE INDEX "TextAnalysis_interactionId_key" ON "TextAnalysis"("interactionId");

-- CreateIndex
CREATE INDEX "TextAnalysis_orgId_source_occurredAt_label_sentiment_idx" ON "TextAnalysis"("orgId", "source", "occurredAt", "label", "sentiment");

-- CreateIndex
CREATE INDEX "TextAnalysis_responseId_idx" ON "TextAnalysis"("responseId");

-- CreateIndex
CREATE INDEX "TextThemeMatch_orgId_themeKey_occurredAt_responseId_sentime_idx" ON "TextThemeMatch"("orgId", "themeKey", "occurredAt", "responseId", "sentiment");

-- CreateIndex
CREATE UNIQUE INDEX "TextThemeMatch_analysisId_themeKey_key" ON "TextThemeMatch"("analysisId", "themeKey");

-- CreateIndex
CREATE INDEX "TextTheme_orgId_position_idx" ON "TextTheme"("orgId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "TextTheme_orgId_key_key" ON "TextTheme"("orgId", "key");

-- CreateIndex
CREATE INDEX "TextThemePhrase_orgId_idx" ON "TextThemePhrase"("orgId");

-- CreateIndex
CREATE UNIQUE INDEX "TextThemePhrase_themeId_language_phrase_key" ON "TextThemePhrase"("themeId", "language", "phrase");

-- AddForeignKey
ALTER TABLE "TextAnalysis" ADD CONSTRAINT "TextAnalysis_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TextAnalysis" ADD CONSTRAINT "TextAnalysis_responseId_fkey" FOREIGN KEY ("responseId") REFERENCES "Response"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TextAnalysis" ADD CONSTRAINT "TextAnalysis_answerId_fkey" FOREIGN KEY ("answerId") REFERENCES "Answer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TextAnalysis" ADD CONSTRAINT "TextAnalysis_interactionId_fkey" FOREIGN KEY ("interactionId") REFERENCES "Interaction"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TextThemeMatch" ADD CONSTRAINT "TextThemeMatch_analysisId_fkey" FOREIGN KEY ("analysisId") REFERENCES "TextAnalysis"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TextTaxonomy" ADD CONSTRAINT "TextTaxonomy_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TextTheme" ADD CONSTRAINT "TextTheme_orgId_fkey" FOREIGN KEY ("orgId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TextThemePhrase" ADD CONSTRAINT "TextThemePhrase_themeId_fkey" FOREIGN KEY ("themeId") REFERENCES "TextTheme"("id") ON DELETE CASCADE ON UPDATE CASCADE;
