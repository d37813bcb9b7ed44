-- Issue 5, part 1: the common diagnosis (diagnóstico común).
-- An instrument per comuna, versioned: dimensions (code, name, position) and items (text, a scale with a
-- Spanish label per level, an optional guidance note). Editing a published instrument works on a DRAFT
-- copy; publishing it retires the previous one. A diagnosis keeps the instrument it was made with.
CREATE TABLE diagnosis_instrument (
    id            BIGSERIAL PRIMARY KEY,
    comuna_id     BIGINT       NOT NULL REFERENCES comuna(id),
    number        INTEGER      NOT NULL,
    name          VARCHAR(150) NOT NULL,
    state         VARCHAR(12)  NOT NULL CHECK (state IN ('DRAFT', 'PUBLISHED', 'RETIRED')),
    published_at  TIMESTAMPTZ,
    published_by  VARCHAR(60),
    version       INTEGER      NOT NULL DEFAULT 0,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT uq_instrument_number UNIQUE (comuna_id, number)
);
CREATE UNIQUE INDEX ux_instrument_published ON diagnosis_instrument (comuna_id) WHERE state = 'PUBLISHED';
CREATE UNIQUE INDEX ux_instrument_draft ON diagnosis_instrument (comuna_id) WHERE state = 'DRAFT';

CREATE TABLE diagnosis_dimension (
    id             BIGSERIAL PRIMARY KEY,
    instrument_id  BIGINT       NOT NULL REFERENCES diagnosis_instrument(id) ON DELETE CASCADE,
    code           VARCHAR(20)  NOT NULL CHECK (code ~ '^[A-Z][A-Z0-9_]*$'),
    name           VARCHAR(150) NOT NULL,
    position       INTEGER      NOT NULL,
    CONSTRAINT uq_dimension_code UNIQUE (instrument_id, code)
);

CREATE TABLE diagnosis_item (
    id            BIGSERIAL PRIMARY KEY,
    dimension_id  BIGINT       NOT NULL REFERENCES diagnosis_dimension(id) ON DELETE CASCADE,
    position      INTEGER      NOT NULL,
    text          VARCHAR(400) NOT NULL,
    scale_min     INTEGER      NOT NULL,
    scale_max     INTEGER      NOT NULL,
    labels        VARCHAR(600) NOT NULL,    -- one Spanish label per level, from scale_min up, separated by '|'
    note          VARCHAR(400),
    CONSTRAINT ck_item_scale CHECK (scale_min >= 0 AND scale_max > scale_min AND scale_max - scale_min <= 9)
);
CREATE INDEX ix_item_dimension ON diagnosis_item (dimension_id, position);

-- A case has one CURRENT diagnosis; a new full diagnosis supersedes it (the old one stays readable).
CREATE TABLE diagnosis (
    id             BIGSERIAL PRIMARY KEY,
    comuna_id      BIGINT        NOT NULL REFERENCES comuna(id),
    case_id        BIGINT        NOT NULL REFERENCES case_file(id),
    number         INTEGER       NOT NULL,
    instrument_id  BIGINT        NOT NULL REFERENCES diagnosis_instrument(id),
    program_id     BIGINT        NOT NULL REFERENCES program(id),
    author         VARCHAR(60)   NOT NULL,
    author_name    VARCHAR(150)  NOT NULL,
    state          VARCHAR(12)   NOT NULL CHECK (state IN ('CURRENT', 'SUPERSEDED')),
    reason         VARCHAR(1000),           -- why a new full diagnosis within the renewal period
    summary        VARCHAR(2000),
    completed_at   TIMESTAMPTZ   NOT NULL,
    superseded_at  TIMESTAMPTZ,
    version        INTEGER       NOT NULL DEFAULT 0,
    CONSTRAINT uq_diagnosis_number UNIQUE (case_id, number)
);
CREATE UNIQUE INDEX ux_diagnosis_current ON diagnosis (case_id) WHERE state = 'CURRENT';

CREATE TABLE diagnosis_score (
    id            BIGSERIAL PRIMARY KEY,
    diagnosis_id  BIGINT        NOT NULL REFERENCES diagnosis(id) ON DELETE CASCADE,
    item_id       BIGINT        NOT NULL REFERENCES diagnosis_item(id),
    score         INTEGER       NOT NULL,
    note          VARCHAR(1000),
    CONSTRAINT uq_score_item UNIQUE (diagnosis_id, item_id)
);

-- Another program adds to the current diagnosis instead of starting over: its own items and notes per dimension.
CREATE TABLE diagnosis_complement (
    id            BIGSERIAL PRIMARY KEY,
    diagnosis_id  BIGINT        NOT NULL REFERENCES diagnosis(id) ON DELETE CASCADE,
    program_id    BIGINT        NOT NULL REFERENCES program(id),
    author        VARCHAR(60)   NOT NULL,
    author_name   VARCHAR(150)  NOT NULL,
    summary       VARCHAR(2000),
    created_at    TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX ix_complement_diagnosis ON diagnosis_complement (diagnosis_id);

CREATE TABLE diagnosis_complement_entry (
    id             BIGSERIAL PRIMARY KEY,
    complement_id  BIGINT        NOT NULL REFERENCES diagnosis_complement(id) ON DELETE CASCADE,
    dimension_id   BIGINT        NOT NULL REFERENCES diagnosis_dimension(id),
    text           VARCHAR(400)  NOT NULL,
    score          INTEGER CHECK (score BETWEEN 0 AND 10),
    note           VARCHAR(1000)
);

-- The default instrument, in the spirit of the Matriz de Bienestar (seed 003): indicators of well-being
-- grouped in dimensions, each scored 1 (crítico) to 4 (logrado).
CREATE FUNCTION default_diagnosis_instrument(c BIGINT) RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE
    inst BIGINT;
    dim BIGINT;
    scale CONSTANT VARCHAR := 'Crítico|En riesgo|En desarrollo|Logrado';
BEGIN
    IF EXISTS (SELECT 1 FROM diagnosis_instrument WHERE comuna_id = c) THEN
        RETURN;
    END IF;
    INSERT INTO diagnosis_instrument (comuna_id, number, name, state, published_at, published_by)
        VALUES (c, 1, 'Diagnóstico común (matriz de bienestar)', 'PUBLISHED', now(), 'sistema') RETURNING id INTO inst;

    INSERT INTO diagnosis_dimension (instrument_id, code, name, position) VALUES (inst, 'HEALTH', 'Salud', 1) RETURNING id INTO dim;
    INSERT INTO diagnosis_item (dimension_id, position, text, scale_min, scale_max, labels, note) VALUES
        (dim, 1, 'El NNA está inscrito en un centro de salud y tiene sus controles de salud al día.', 1, 4, scale, 'Pedir el carné de control o consultar al CESFAM.'),
        (dim, 2, 'El NNA tiene sus vacunas al día según su edad.', 1, 4, scale, NULL),
        (dim, 3, 'Los integrantes con problemas de salud mental o consumo problemático reciben atención.', 1, 4, scale, NULL);

    INSERT INTO diagnosis_dimension (instrument_id, code, name, position) VALUES (inst, 'EDUCATION', 'Educación', 2) RETURNING id INTO dim;
    INSERT INTO diagnosis_item (dimension_id, position, text, scale_min, scale_max, labels, note) VALUES
        (dim, 1, 'El NNA asiste regularmente a un establecimiento educacional o jardín infantil.', 1, 4, scale, 'Asistencia sobre 85 % se considera logrado.'),
        (dim, 2, 'El NNA tiene un rendimiento acorde a su curso o recibe apoyo pedagógico.', 1, 4, scale, NULL),
        (dim, 3, 'Los adultos interesados participan en programas de nivelación de estudios.', 1, 4, scale, NULL),
        (dim, 4, 'Los integrantes en el sistema educativo postulan a las becas y programas para los que cumplen requisitos.', 1, 4, scale, NULL);

    INSERT INTO diagnosis_dimension (instrument_id, code, name, position) VALUES (inst, 'FAMILY', 'Dinámica familiar y buen trato', 3) RETURNING id INTO dim;
    INSERT INTO diagnosis_item (dimension_id, position, text, scale_min, scale_max, labels, note) VALUES
        (dim, 1, 'La familia conoce y usa mecanismos de resolución de conflictos que promueven el bienestar de sus integrantes.', 1, 4, scale, NULL),
        (dim, 2, 'La familia cuenta con herramientas de buen trato en la relación entre sus integrantes.', 1, 4, scale, NULL),
        (dim, 3, 'El NNA cuenta con al menos un adulto protector que ejerce su rol de cuidado.', 1, 4, scale, NULL),
        (dim, 4, 'No hay situaciones de violencia intrafamiliar activas en el hogar.', 1, 4, scale, 'Ante violencia activa, activar la ruta de protección.');

    INSERT INTO diagnosis_dimension (instrument_id, code, name, position) VALUES (inst, 'HOUSING', 'Vivienda y entorno', 4) RETURNING id INTO dim;
    INSERT INTO diagnosis_item (dimension_id, position, text, scale_min, scale_max, labels, note) VALUES
        (dim, 1, 'La familia reside en una vivienda sin riesgo de perderla (tenencia segura).', 1, 4, scale, NULL),
        (dim, 2, 'La vivienda cuenta con servicios básicos: agua potable, electricidad y saneamiento.', 1, 4, scale, NULL),
        (dim, 3, 'El NNA dispone de un espacio adecuado para dormir y estudiar.', 1, 4, scale, NULL),
        (dim, 4, 'El entorno del barrio es seguro para el NNA.', 1, 4, scale, NULL);

    INSERT INTO diagnosis_dimension (instrument_id, code, name, position) VALUES (inst, 'INCOME', 'Ingresos y trabajo', 5) RETURNING id INTO dim;
    INSERT INTO diagnosis_item (dimension_id, position, text, scale_min, scale_max, labels, note) VALUES
        (dim, 1, 'Al menos un adulto de la familia tiene un trabajo o una fuente de ingresos estable.', 1, 4, scale, NULL),
        (dim, 2, 'La familia recibe las transferencias y beneficios a los que tiene derecho.', 1, 4, scale, 'Revisar el Registro Social de Hogares.'),
        (dim, 3, 'Los ingresos del hogar cubren las necesidades básicas de alimentación.', 1, 4, scale, NULL);

    INSERT INTO diagnosis_dimension (instrument_id, code, name, position) VALUES (inst, 'PARTICIPATION', 'Participación', 6) RETURNING id INTO dim;
    INSERT INTO diagnosis_item (dimension_id, position, text, scale_min, scale_max, labels, note) VALUES
        (dim, 1, 'El NNA participa en actividades recreativas, deportivas o culturales.', 1, 4, scale, NULL),
        (dim, 2, 'La familia conoce y usa la oferta de servicios de su comuna.', 1, 4, scale, NULL),
        (dim, 3, 'La opinión del NNA es escuchada en las decisiones que le afectan.', 1, 4, scale, NULL);
END
$$;
SELECT default_diagnosis_instrument(id) FROM comuna;

CREATE FUNCTION comuna_gets_diagnosis_instrument() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    PERFORM default_diagnosis_instrument(NEW.id);
    RETURN NEW;
END
$$;
-- Deferred to the end of the transaction: the instrument's rows take ids from their sequences, and run
-- inside the comuna's INSERT they would change what lastval() answers, which is how EclipseLink reads the
-- new comuna's IDENTITY id right after inserting it.
CREATE CONSTRAINT TRIGGER comuna_diagnosis_instrument AFTER INSERT ON comuna
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION comuna_gets_diagnosis_instrument();
