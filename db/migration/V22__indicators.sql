-- Quarterly communal indicators (issue 11): the org-unit hierarchy comuna -> region -> country, the
-- aggregate scope of a territorial manager, the indicator catalogue, published quarter snapshots with
-- versions, and the annual commitments (targets).

-- ---------------------------------------------------------------------------------------------
-- Org units. comuna.region stays the text it always was; the region row it names is created when a
-- comuna names a new region, so every comuna has its region and every region its country.
-- No serial key on purpose: the trigger below inserts regions while a comuna is inserted, and EclipseLink
-- reads a new comuna's id with lastval(), which a sequence used inside the trigger would take over.
CREATE TABLE region (
    code          VARCHAR(20)  PRIMARY KEY,
    name          VARCHAR(100) NOT NULL UNIQUE,
    country_code  VARCHAR(2)   NOT NULL DEFAULT 'CL',
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE FUNCTION region_code_of(p_name VARCHAR) RETURNS VARCHAR LANGUAGE sql IMMUTABLE AS $$
    SELECT left(upper(regexp_replace(translate(p_name, 'áéíóúüñÁÉÍÓÚÜÑ', 'aeiouunAEIOUUN'), '[^A-Za-z0-9]+', '-', 'g')), 20)
$$;

INSERT INTO region (code, name)
SELECT DISTINCT ON (region_code_of(region)) region_code_of(region), region FROM comuna ORDER BY region_code_of(region), region;

CREATE FUNCTION comuna_region_exists() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO region (code, name)
    SELECT region_code_of(NEW.region) || CASE WHEN EXISTS (SELECT 1 FROM region WHERE code = region_code_of(NEW.region))
                                              THEN '-' || (SELECT count(*) FROM region) ELSE '' END, NEW.region
    WHERE NOT EXISTS (SELECT 1 FROM region WHERE name = NEW.region);
    RETURN NEW;
END
$$;
CREATE TRIGGER tr_comuna_region BEFORE INSERT OR UPDATE OF region ON comuna
    FOR EACH ROW EXECUTE FUNCTION comuna_region_exists();
ALTER TABLE comuna ADD CONSTRAINT fk_comuna_region FOREIGN KEY (region) REFERENCES region (name) ON UPDATE CASCADE;

-- What a territorial manager reads in aggregate: the comunas they support (COMUNAS, the default), every
-- comuna of their own comuna's region (REGION), or every comuna of the country (PAIS). Aggregates only,
-- with small cells suppressed; it widens no access to cases, sessions or minutes.
ALTER TABLE app_user ADD COLUMN aggregate_scope VARCHAR(10) NOT NULL DEFAULT 'COMUNAS'
    CHECK (aggregate_scope IN ('COMUNAS', 'REGION', 'PAIS'));

-- ---------------------------------------------------------------------------------------------
-- The indicator catalogue (the seed-001 way of writing an indicator). Rows are the definitions in
-- force; a published quarter freezes a copy of them next to its values.
CREATE TABLE indicator_def (
    code             VARCHAR(30)   PRIMARY KEY,
    position         INTEGER       NOT NULL UNIQUE,
    name             VARCHAR(200)  NOT NULL,
    definition       VARCHAR(1000) NOT NULL,
    numerator        VARCHAR(600)  NOT NULL,
    denominator      VARCHAR(600)  NOT NULL,
    unit             VARCHAR(12)   NOT NULL CHECK (unit IN ('PERCENT', 'COUNT', 'DAYS')),
    -- how the value comes from the items: RATE = 100 x numerator / denominator; COUNT = numerator;
    -- MEDIAN / P90 = that percentile of the items' days (numerator is then the days, denominator the items)
    aggregation      VARCHAR(8)    NOT NULL CHECK (aggregation IN ('RATE', 'COUNT', 'MEDIAN', 'P90')),
    dimension        VARCHAR(12)   NOT NULL CHECK (dimension IN ('EFICACIA', 'CALIDAD', 'EFICIENCIA', 'ECONOMIA')),
    periodicity      VARCHAR(12)   NOT NULL DEFAULT 'TRIMESTRAL' CHECK (periodicity IN ('TRIMESTRAL', 'ANUAL')),
    direction        VARCHAR(4)    NOT NULL CHECK (direction IN ('ASC', 'DESC')),
    disaggregations  VARCHAR(200)  NOT NULL,
    source_facts     VARCHAR(200)  NOT NULL,
    drillable        BOOLEAN       NOT NULL,   -- items are cases (drill-down) or table records (no cases)
    min_value        NUMERIC(12,2) NOT NULL DEFAULT 0,
    max_value        NUMERIC(12,2) NOT NULL,   -- a target outside [min_value, max_value] is refused
    CONSTRAINT ck_indicator_range CHECK (min_value <= max_value)
);

INSERT INTO indicator_def (code, position, name, definition, numerator, denominator, unit, aggregation, dimension,
                           direction, disaggregations, source_facts, drillable, max_value) VALUES
('DER_PLAZO', 1, 'Derivaciones respondidas dentro de plazo',
 'Porcentaje de las derivaciones asistidas que vencían en el trimestre y que el programa receptor respondió (aceptó, rechazó o puso en espera) a más tardar el día de su vencimiento.',
 'N° de derivaciones con vencimiento en el trimestre respondidas a más tardar el día de vencimiento',
 'N° de derivaciones con vencimiento en el trimestre (no retiradas antes de vencer)',
 'PERCENT', 'RATE', 'CALIDAD', 'ASC', 'programa receptor, sector', 'fact_referral', TRUE, 100),
('DER_DIAS', 2, 'Mediana de días entre derivación y respuesta',
 'Mediana de los días corridos entre el envío de una derivación y su respuesta, para las derivaciones respondidas en el trimestre.',
 'Mediana de días entre envío y respuesta',
 'N° de derivaciones respondidas en el trimestre',
 'DAYS', 'MEDIAN', 'CALIDAD', 'DESC', 'programa receptor, sector', 'fact_referral', TRUE, 365),
('DER_ACEPTADAS', 3, 'Derivaciones aceptadas',
 'Porcentaje de las derivaciones respondidas en el trimestre que el programa receptor aceptó (con o sin cupo).',
 'N° de derivaciones aceptadas en el trimestre',
 'N° de derivaciones aceptadas o rechazadas en el trimestre',
 'PERCENT', 'RATE', 'EFICACIA', 'ASC', 'programa receptor, sector', 'fact_referral', TRUE, 100),
('ESP_MEDIANA', 4, 'Mediana de días en lista de espera',
 'Mediana de los días que esperaron los NNA que salieron de una lista de espera en el trimestre (por ingreso, otra derivación u otro motivo).',
 'Mediana de días de espera de las salidas del trimestre',
 'N° de salidas de listas de espera en el trimestre',
 'DAYS', 'MEDIAN', 'CALIDAD', 'DESC', 'programa, sector', 'fact_waiting', TRUE, 730),
('ESP_P90', 5, 'Percentil 90 de días en lista de espera',
 'Días de espera que no superó el 90 % de los NNA que salieron de una lista de espera en el trimestre: la espera larga.',
 'Percentil 90 de días de espera de las salidas del trimestre',
 'N° de salidas de listas de espera en el trimestre',
 'DAYS', 'P90', 'CALIDAD', 'DESC', 'programa, sector', 'fact_waiting', TRUE, 730),
('ESP_LARGO', 6, 'NNA en listas de espera al cierre del trimestre',
 'Número de esperas abiertas el último día del trimestre (un NNA que espera en dos programas cuenta dos veces).',
 'N° de esperas abiertas al cierre del trimestre', '—',
 'COUNT', 'COUNT', 'EFICIENCIA', 'DESC', 'programa, sector', 'fact_waiting', TRUE, 100000),
('DIAG_OPORTUNO', 7, 'Diagnóstico común oportuno',
 'Porcentaje de los NNA que ingresaron a un programa en el trimestre cuyo caso tiene un diagnóstico común completado a más tardar 30 días después de ese ingreso (uno anterior cuenta: el diagnóstico común no se repite).',
 'N° de NNA ingresados en el trimestre con diagnóstico común a más tardar 30 días después del ingreso',
 'N° de NNA ingresados a un programa en el trimestre',
 'PERCENT', 'RATE', 'CALIDAD', 'ASC', 'programa, sexo, tramo de edad', 'fact_stay, fact_diagnosis', TRUE, 100),
('PLAN_INTEGRADO', 8, 'NNA en 2 o más programas con plan integrado',
 'Porcentaje de los NNA atendidos por dos o más programas a la vez al cierre del trimestre cuyo caso tiene un plan de trabajo integrado con acciones de al menos dos programas.',
 'N° de NNA en 2 o más programas al cierre con plan integrado de 2 o más programas',
 'N° de NNA en 2 o más programas al cierre del trimestre',
 'PERCENT', 'RATE', 'CALIDAD', 'ASC', 'sexo, tramo de edad', 'fact_stay, fact_case_plan', TRUE, 100),
('SOBRE_INTERVENCION', 9, 'NNA sobre-intervenidos',
 'Número de NNA atendidos por más de tres programas a la vez al cierre del trimestre (el umbral de sobre-intervención de la tabla de casos).',
 'N° de NNA con más de 3 permanencias activas al cierre del trimestre', '—',
 'COUNT', 'COUNT', 'CALIDAD', 'DESC', 'sexo, tramo de edad', 'fact_stay', TRUE, 100000),
('EGRESO_LOGRO', 10, 'Egresos con objetivos del plan logrados',
 'Porcentaje de los egresos de programas del trimestre en que el programa registró los objetivos de su plan como logrados.',
 'N° de egresos del trimestre con objetivos logrados',
 'N° de egresos de programas en el trimestre',
 'PERCENT', 'RATE', 'EFICACIA', 'ASC', 'programa, sector, sexo, tramo de edad', 'fact_stay', TRUE, 100),
('NO_REINGRESO_24M', 11, 'NNA que no reingresan en 24 meses tras un egreso con logro',
 'Adaptación del indicador de propósito del seed 001: de los NNA cuyo episodio de atención terminó con objetivos logrados en el mismo trimestre de dos años antes, porcentaje que no reingresó (ningún episodio nuevo) dentro de los 24 meses siguientes.',
 'N° de NNA con episodio terminado con logro en el trimestre t-8 que no reingresan en 24 meses',
 'N° de NNA con episodio terminado con logro en el trimestre t-8',
 'PERCENT', 'RATE', 'EFICACIA', 'ASC', 'sexo, tramo de edad', 'fact_episode', TRUE, 100),
('SEG_OPORTUNO', 12, 'Seguimientos post-egreso a tiempo',
 'Porcentaje de los seguimientos post-egreso (3, 6, 12 y 24 meses) que vencían en el trimestre y se realizaron a más tardar el día de vencimiento.',
 'N° de seguimientos con vencimiento en el trimestre realizados a tiempo',
 'N° de seguimientos con vencimiento en el trimestre',
 'PERCENT', 'RATE', 'CALIDAD', 'ASC', 'programa, sector', 'fact_followup', TRUE, 100),
('ALERTA_ALTA_7D', 13, 'Alertas altas resueltas en 7 días',
 'Porcentaje de las alertas de vulnerabilidad de severidad alta levantadas en el trimestre que se resolvieron dentro de 7 días corridos.',
 'N° de alertas altas del trimestre resueltas dentro de 7 días',
 'N° de alertas altas levantadas en el trimestre',
 'PERCENT', 'RATE', 'EFICACIA', 'ASC', 'tipo de alerta', 'fact_alert', TRUE, 100),
('MESA_SESIONES', 14, 'Sesiones de la mesa realizadas',
 'Porcentaje de las sesiones de la Mesa de Gestión de Casos programadas para el trimestre que se realizaron.',
 'N° de sesiones del trimestre realizadas',
 'N° de sesiones programadas para el trimestre',
 'PERCENT', 'RATE', 'EFICACIA', 'ASC', 'mesa', 'fact_session', FALSE, 100),
('MESA_ASISTENCIA', 15, 'Asistencia a la mesa',
 'Porcentaje de los integrantes convocados a las sesiones realizadas en el trimestre que asistieron.',
 'N° de asistencias a sesiones realizadas en el trimestre',
 'N° de convocados a sesiones realizadas en el trimestre',
 'PERCENT', 'RATE', 'EFICACIA', 'ASC', 'institución', 'fact_attendance, fact_session', FALSE, 100),
('ACUERDOS_PLAZO', 16, 'Acuerdos cumplidos en plazo',
 'Porcentaje de los acuerdos de la mesa que vencían en el trimestre y se cumplieron a más tardar el día comprometido.',
 'N° de acuerdos con vencimiento en el trimestre cumplidos a tiempo',
 'N° de acuerdos con vencimiento en el trimestre (no anulados)',
 'PERCENT', 'RATE', 'EFICACIA', 'ASC', 'mesa', 'fact_agreement', FALSE, 100),
('OCUPACION', 17, 'Ocupación de cupos',
 'Porcentaje de los cupos de los programas con cupos que estaban ocupados por permanencias activas al cierre del trimestre.',
 'N° de permanencias activas al cierre en programas con cupos',
 'N° de cupos de esos programas',
 'PERCENT', 'RATE', 'EFICIENCIA', 'ASC', 'programa, sector', 'fact_stay, fact_program_capacity', TRUE, 200),
('DEMANDA_OFERTA', 18, 'Demanda sobre oferta',
 'Demanda (permanencias activas más esperas abiertas al cierre del trimestre) como porcentaje de los cupos de los programas con cupos. Sobre 100 %: la demanda supera la oferta.',
 'N° de permanencias activas más esperas abiertas al cierre, en programas con cupos',
 'N° de cupos de esos programas',
 'PERCENT', 'RATE', 'EFICIENCIA', 'DESC', 'programa, sector', 'fact_stay, fact_waiting, fact_program_capacity', TRUE, 1000);

-- ---------------------------------------------------------------------------------------------
-- A published quarter: values and the definitions used, frozen as JSON. A correction adds a version
-- (with its reason) and the earlier ones stay readable, as minutes do with mgc_minutes_version.
CREATE TABLE indicator_publication (
    id                 BIGSERIAL PRIMARY KEY,
    comuna_id          BIGINT        NOT NULL REFERENCES comuna(id),
    year               INTEGER       NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    quarter            INTEGER       NOT NULL CHECK (quarter BETWEEN 1 AND 4),
    version_no         INTEGER       NOT NULL CHECK (version_no >= 1),
    indicator_values   JSONB         NOT NULL,
    definitions        JSONB         NOT NULL,
    published_by       VARCHAR(60)   NOT NULL,
    published_by_name  VARCHAR(150)  NOT NULL,
    published_at       TIMESTAMPTZ   NOT NULL DEFAULT now(),
    correction_reason  VARCHAR(1000),
    CONSTRAINT uq_indicator_publication UNIQUE (comuna_id, year, quarter, version_no),
    CONSTRAINT ck_indicator_correction CHECK ((version_no = 1) = (correction_reason IS NULL))
);
CREATE INDEX ix_indicator_publication_quarter ON indicator_publication (comuna_id, year DESC, quarter DESC, version_no DESC);

CREATE FUNCTION indicator_publication_is_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'a published quarter is frozen: correct it with a new version'
        USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER tr_indicator_publication_frozen BEFORE UPDATE OR DELETE ON indicator_publication
    FOR EACH ROW EXECUTE FUNCTION indicator_publication_is_frozen();

-- Annual commitments: the target of an indicator for a comuna and a year.
CREATE TABLE indicator_target (
    id              BIGSERIAL PRIMARY KEY,
    comuna_id       BIGINT        NOT NULL REFERENCES comuna(id),
    indicator_code  VARCHAR(30)   NOT NULL REFERENCES indicator_def(code),
    year            INTEGER       NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    target          NUMERIC(12,2) NOT NULL,
    set_by          VARCHAR(60)   NOT NULL,
    set_at          TIMESTAMPTZ   NOT NULL DEFAULT now(),
    version         INTEGER       NOT NULL DEFAULT 0,
    CONSTRAINT uq_indicator_target UNIQUE (comuna_id, indicator_code, year)
);
